package eu.clinnova.portal.api.consent;

import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.audit.subjects.ReleaseProof;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.portal.http.ContentDisposition;
import eu.clinnova.release.ReleaseSubjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code GET /api/v1/patients/{psn}/releases/{releaseId}/proof}: the patient's proof that a release
 * did, or did not, include them (contract, "Per-subject proof of a release"), for the patient, a
 * minor's guardian and compliance officers ({@code me} is the signed-in patient). Served as a JSON
 * download that {@code VerifyReleaseProof} checks offline against the log's key.
 */
@Path("v1/patients/{psn}/releases/{releaseId}/proof")
@RequestScoped
public class ReleaseProofResource {

  @Inject ReleaseSubjects subjects;
  @Inject RequestCaller requestCaller;

  @GET
  @RolesAllowed({Role.Names.PATIENT, Role.Names.COMPLIANCE_OFFICER})
  @Produces(MediaType.APPLICATION_JSON)
  public Response proof(@PathParam("psn") String psn, @PathParam("releaseId") String releaseId) {
    Caller caller = requestCaller.get();
    String patient = "me".equals(psn) ? caller.psn().orElse("") : psn;
    UUID release = eu.clinnova.portal.api.release.ReleaseResource.releaseId(releaseId);
    ReleaseProof proof = subjects.proof(caller, patient, release);
    return Response.ok(CanonicalJson.string(proof.toJson()), MediaType.APPLICATION_JSON)
        .header("Content-Disposition", ContentDisposition.attachment(fileName(patient, release)))
        .build();
  }

  /** The file's name when saved: whose proof, for which release. */
  public static String fileName(String psn, UUID release) {
    return "release-proof-" + psn + "-" + release + ".json";
  }
}
