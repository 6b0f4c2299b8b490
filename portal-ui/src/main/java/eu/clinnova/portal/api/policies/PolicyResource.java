package eu.clinnova.portal.api.policies;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.PolicyHistory;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.consent.policy.PolicyVersion;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.QueryParameters;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code GET /api/v1/policies}: every jurisdiction's consent policy (basis, default, validity
 * periods, re-consent triggers, ethics reference pattern), for administrators and the staff who
 * apply them. The policies are data (consent-registry's {@code policies/jurisdictions.json}),
 * versioned with the portal; {@code GET /api/v1/policies/versions} lists every version the portal
 * ran, from the first start that ran it, and {@code .../versions/{version}} shows one.
 */
@Path("v1/policies")
@RequestScoped
@RolesAllowed({
  Role.Names.ADMIN,
  Role.Names.COMPLIANCE_OFFICER,
  Role.Names.DATA_STEWARD,
  Role.Names.DAC_MEMBER
})
public class PolicyResource {

  private static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();

  @Inject PolicyHistory history;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject policies() {
    return json(POLICIES);
  }

  /** Every version the portal ran, newest first, with the first start that ran it. */
  @GET
  @Path("versions")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray versions() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    for (PolicyVersion version : history.versions(requestCaller.get())) {
      all.add(
          JSON.createObjectBuilder()
              .add("version", version.version())
              .add("sha256", version.sha256())
              .add("inForceFrom", version.inForceFrom().toString()));
    }
    return all.build();
  }

  /** One version as GET /policies shows the one in force. */
  @GET
  @Path("versions/{policyVersion}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject version(@PathParam("policyVersion") String version) {
    int number = QueryParameters.versionInPath(version, "No such version of the policies.");
    PolicyVersion found =
        history
            .version(requestCaller.get(), number)
            .orElseThrow(() -> Refusal.notFound("No such version of the policies."));
    return JSON.createObjectBuilder(json(found.catalogue()))
        .add("inForceFrom", found.inForceFrom().toString())
        .add("sha256", found.sha256())
        .build();
  }

  private static JsonObject json(PolicyCatalogue catalogue) {
    JsonObjectBuilder jurisdictions = JSON.createObjectBuilder();
    for (Map.Entry<String, JurisdictionPolicy> entry : catalogue.all().entrySet()) {
      jurisdictions.add(entry.getKey(), json(entry.getValue()));
    }
    return JSON.createObjectBuilder()
        .add("version", catalogue.version())
        .add("jurisdictions", jurisdictions)
        .build();
  }

  private static JsonObject json(JurisdictionPolicy policy) {
    JsonArrayBuilder nonOpposition = JSON.createArrayBuilder();
    policy.nonOppositionModules().stream()
        .sorted()
        .map(ConsentModule::code)
        .forEach(nonOpposition::add);
    JsonObjectBuilder validity = JSON.createObjectBuilder();
    policy.validity().forEach((module, period) -> validity.add(module.code(), period.toString()));
    // Consent for the purpose: the module each need of a research purpose asks for.
    JsonObjectBuilder purposeModules = JSON.createObjectBuilder();
    policy
        .purposeModules()
        .forEach((need, module) -> purposeModules.add(need.code(), module.code()));
    JsonObjectBuilder covered = JSON.createObjectBuilder();
    policy.coveredBy().forEach((module, by) -> covered.add(module.code(), by.code()));
    return JSON.createObjectBuilder()
        .add("basis", policy.basis().name())
        .add(
            "defaultWithoutRecord",
            policy.nonOppositionModules().isEmpty()
                ? "deny"
                : "permit-if-informed-and-not-objected")
        .add("nonOppositionModules", nonOpposition)
        .add("validity", validity)
        .add("ethicsBody", policy.ethicsBody())
        .add("ethicsReferencePattern", policy.ethicsReference().pattern())
        .add("ageOfMajority", policy.ageOfMajority())
        .add("renewAtMajority", policy.renewAtMajority())
        .add("renewAtCapacity", policy.renewAtCapacity())
        .add("whileRenewalDue", policy.whileRenewalDue().code())
        .add("reconsentOnMajorVersion", policy.reconsentOnMajorVersion())
        .add("purposeModules", purposeModules)
        .add("coveredByGeneralConsent", covered)
        .build();
  }
}
