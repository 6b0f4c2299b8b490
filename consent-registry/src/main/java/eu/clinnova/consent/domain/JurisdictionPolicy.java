package eu.clinnova.consent.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One jurisdiction's consent rules, as configuration an administrator can read.
 *
 * @param nonOppositionModules modules that an informed patient who has not objected permits without
 *     a record of their own (FR); empty elsewhere: no record means deny
 * @param validity how long a permit for a module holds from its recording; absent = no end
 * @param ethicsReference the pattern an ethics approval's reference must match
 * @param renewAtMajority a guardian's consent must be renewed by the patient at majority
 * @param renewAtCapacity a representative's consent must be renewed by the patient on regaining
 *     capacity (CH)
 * @param whileRenewalDue what a guardian's (or representative's) permits mean for releases once the
 *     patient must renew them and until they do
 * @param purposeModules the module a patient must permit for each need of a research purpose
 * @param coveredBy modules whose permit this jurisdiction's general consent gives through another
 *     module (CH: a general consent, {@code CLINICAL-DATA}, covers coded-data health research,
 *     {@code BROAD-HEALTH}); a module needed is then looked for under the covering one
 */
public record JurisdictionPolicy(
    String jurisdiction,
    int version,
    ConsentBasis basis,
    Set<ConsentModule> nonOppositionModules,
    Map<ConsentModule, Period> validity,
    String ethicsBody,
    Pattern ethicsReference,
    int ageOfMajority,
    boolean renewAtMajority,
    boolean renewAtCapacity,
    RenewalEffect whileRenewalDue,
    boolean reconsentOnMajorVersion,
    Map<PurposeNeed, ConsentModule> purposeModules,
    Map<ConsentModule, ConsentModule> coveredBy) {

  public JurisdictionPolicy {
    nonOppositionModules = Set.copyOf(nonOppositionModules);
    validity = validity.isEmpty() ? Map.of() : new EnumMap<>(validity);
    purposeModules = purposeModules.isEmpty() ? Map.of() : new EnumMap<>(purposeModules);
    coveredBy = coveredBy.isEmpty() ? Map.of() : new EnumMap<>(coveredBy);
  }

  /** What permits given for the patient by someone else mean once the patient must renew them. */
  public enum RenewalEffect {
    /** They no longer count: the module is consent-missing until the patient decides. */
    PERMITS_LAPSE("permits-lapse"),
    /** They count until the patient decides. */
    PERMITS_STAND("permits-stand");

    private final String code;

    RenewalEffect(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static RenewalEffect fromCode(String code) {
      for (RenewalEffect effect : values()) {
        if (effect.code.equals(code)) {
          return effect;
        }
      }
      throw new IllegalArgumentException("no renewal effect " + code);
    }
  }

  /**
   * The modules a subject of this jurisdiction must permit for a dataset that requires {@code
   * required} and a purpose with {@code needs}: the dataset's, each need's module, each replaced by
   * the module that covers it here, if one does.
   */
  public Set<ConsentModule> modulesFor(Set<ConsentModule> required, Set<PurposeNeed> needs) {
    Set<ConsentModule> modules = EnumSet.noneOf(ConsentModule.class);
    required.forEach(module -> modules.add(coveredBy.getOrDefault(module, module)));
    for (PurposeNeed need : needs) {
      ConsentModule module = purposeModules.get(need);
      if (module == null) {
        throw new IllegalStateException(
            "the policy of " + jurisdiction + " names no module for " + need.code());
      }
      modules.add(coveredBy.getOrDefault(module, module));
    }
    return modules;
  }

  /** When a permit for {@code module} recorded at {@code recordedAt} ends, if it ends. */
  public Optional<Instant> permitEnds(ConsentModule module, Instant recordedAt) {
    Period period = validity.get(module);
    return period == null
        ? Optional.empty()
        : Optional.of(recordedAt.atZone(ZoneOffset.UTC).plus(period).toInstant());
  }

  public boolean acceptsEthicsReference(String reference) {
    return reference != null && ethicsReference.matcher(reference).matches();
  }
}
