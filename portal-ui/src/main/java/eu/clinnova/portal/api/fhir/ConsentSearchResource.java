package eu.clinnova.portal.api.fhir;

import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;

/**
 * {@code GET /api/v1/fhir/r4/Consent?patient={psn}}: a searchset of the patient's consent records
 * as R4 Consent resources, for the patient, a steward of their jurisdiction, a compliance officer
 * and the node of their jurisdiction. Anyone else is told there is no such patient.
 */
@Path("v1/fhir/r4/Consent")
@RequestScoped
@RolesAllowed({
  Role.Names.PATIENT,
  Role.Names.DATA_STEWARD,
  Role.Names.COMPLIANCE_OFFICER,
  Role.Names.NODE
})
public class ConsentSearchResource {

  @Inject ConsentQueries queries;
  @Inject RequestCaller requestCaller;
  @Inject Fhir fhir;
  @Context UriInfo uri;

  @GET
  @Produces({Fhir.MEDIA_TYPE, "application/json"})
  public Response search(@QueryParam("patient") String patient) {
    Caller caller = requestCaller.get();
    if (patient == null || patient.isBlank()) {
      throw Refusal.invalid("patient", "search by patient: ?patient=<pseudonym>");
    }
    String psn = "me".equals(patient) ? caller.psn().orElse("") : patient;
    ConsentQueries.ConsentDocuments documents = queries.documents(caller, psn);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
    String apiBase = uri.getBaseUri().toString();
    String base = uri.getBaseUriBuilder().path("v1/fhir/r4/Consent/").build().toString();
    for (Consent consent : ConsentMapper.toFhir(documents, apiBase)) {
      bundle
          .addEntry()
          .setFullUrl(base + consent.getIdElement().getIdPart())
          .setResource(consent)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    bundle.setTotal(bundle.getEntry().size());
    return Response.ok(fhir.json(bundle), Fhir.MEDIA_TYPE + ";charset=utf-8").build();
  }
}
