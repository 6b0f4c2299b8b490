package eu.clinnova.consent.policy;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.domain.ConsentBasis;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.PurposeNeed;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The jurisdictions' policies, read from {@code policies/jurisdictions.json}: a versioned document,
 * so that a policy change is a reviewed change of data, not of code.
 */
public final class PolicyCatalogue {

  public static final String RESOURCE = "/policies/jurisdictions.json";

  private final int version;
  private final Map<String, JurisdictionPolicy> policies;

  private PolicyCatalogue(int version, Map<String, JurisdictionPolicy> policies) {
    this.version = version;
    this.policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
  }

  /** The catalogue shipped with the portal. */
  public static PolicyCatalogue bundled() {
    try (InputStream in = PolicyCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  public static PolicyCatalogue read(InputStream json) {
    try (JsonReader reader = JSON.createReader(json)) {
      JsonObject document = reader.readObject();
      int version = document.getInt("version");
      Map<String, JurisdictionPolicy> policies = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> entry :
          document.getJsonObject("jurisdictions").entrySet()) {
        policies.put(
            entry.getKey(), policy(entry.getKey(), version, entry.getValue().asJsonObject()));
      }
      return new PolicyCatalogue(version, policies);
    }
  }

  private static JurisdictionPolicy policy(String code, int version, JsonObject json) {
    Set<ConsentModule> nonOpposition = EnumSet.noneOf(ConsentModule.class);
    json.getJsonArray("nonOppositionModules")
        .getValuesAs(jakarta.json.JsonString.class)
        .forEach(module -> nonOpposition.add(module(module.getString())));
    Map<ConsentModule, Period> validity = new EnumMap<>(ConsentModule.class);
    json.getJsonObject("validity")
        .forEach(
            (module, period) ->
                validity.put(
                    module(module), Period.parse(((jakarta.json.JsonString) period).getString())));
    return new JurisdictionPolicy(
        code,
        version,
        ConsentBasis.valueOf(json.getString("basis")),
        nonOpposition,
        validity,
        json.getString("ethicsBody"),
        Pattern.compile(json.getString("ethicsReferencePattern")),
        json.getInt("ageOfMajority"),
        json.getBoolean("renewAtMajority"),
        json.getBoolean("renewAtCapacity"),
        JurisdictionPolicy.RenewalEffect.fromCode(json.getString("whileRenewalDue")),
        json.getBoolean("reconsentOnMajorVersion"),
        purposeModules(code, json),
        coveredBy(json));
  }

  private static Map<PurposeNeed, ConsentModule> purposeModules(String code, JsonObject json) {
    Map<PurposeNeed, ConsentModule> modules = new EnumMap<>(PurposeNeed.class);
    json.getJsonObject("purposeModules")
        .forEach(
            (need, module) ->
                modules.put(
                    PurposeNeed.fromCode(need)
                        .orElseThrow(
                            () -> new IllegalArgumentException("unknown purpose need: " + need)),
                    module(((jakarta.json.JsonString) module).getString())));
    for (PurposeNeed need : PurposeNeed.values()) {
      if (!modules.containsKey(need)) {
        throw new IllegalArgumentException(code + " names no module for " + need.code());
      }
    }
    return modules;
  }

  private static Map<ConsentModule, ConsentModule> coveredBy(JsonObject json) {
    Map<ConsentModule, ConsentModule> covered = new EnumMap<>(ConsentModule.class);
    JsonObject given = json.getJsonObject("coveredByGeneralConsent");
    if (given != null) {
      given.forEach(
          (module, by) ->
              covered.put(module(module), module(((jakarta.json.JsonString) by).getString())));
    }
    return covered;
  }

  private static ConsentModule module(String code) {
    return ConsentModule.fromCode(code)
        .orElseThrow(
            () -> new IllegalArgumentException("unknown consent module in the policies: " + code));
  }

  public int version() {
    return version;
  }

  public Optional<JurisdictionPolicy> of(String jurisdiction) {
    return Optional.ofNullable(policies.get(jurisdiction));
  }

  public Map<String, JurisdictionPolicy> all() {
    return policies;
  }
}
