package eu.clinnova.portal.api.consent;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/patients/{psn}/disclosures}: each release that included the patient ("who used
 * my data"), for the patient and compliance officers.
 */
@Path("v1/patients/{psn}/disclosures")
@RequestScoped
public class DisclosureResource {

  @Inject ConsentQueries queries;
  @Inject RequestCaller requestCaller;

  @GET
  @RolesAllowed({Role.Names.PATIENT, Role.Names.COMPLIANCE_OFFICER})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray disclosures(@PathParam("psn") String psn) {
    Caller caller = requestCaller.get();
    String patient = "me".equals(psn) ? caller.psn().orElse("") : psn;
    JsonArrayBuilder all = JSON.createArrayBuilder();
    for (Disclosure disclosure : queries.disclosures(caller, patient)) {
      all.add(
          JSON.createObjectBuilder()
              .add("releaseId", disclosure.releaseId())
              .add("applicationId", disclosure.applicationId())
              .add("projectTitle", disclosure.projectTitle())
              .add("datasetId", disclosure.datasetId())
              .add("node", disclosure.node())
              .add("decidedAt", disclosure.decidedAt().toString())
              .add("auditIndex", disclosure.auditIndex()));
    }
    return all.build();
  }
}
