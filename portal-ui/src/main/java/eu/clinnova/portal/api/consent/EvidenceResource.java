package eu.clinnova.portal.api.consent;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.application.StaffRecords;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.UploadedFile;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code POST /api/v1/patients/{psn}/attachments}: a steward uploads the scan of a paper consent
 * form (multipart, part {@code file}, PDF, PNG or JPEG, at most 20 MB). The type is checked from
 * the file's first bytes, not only from what the client declares.
 */
@Path("v1/patients/{psn}/attachments")
@RequestScoped
public class EvidenceResource {

  /** Multipart framing around a 20 MB file stays far below this. */
  static final long MAX_REQUEST_BYTES = StaffRecords.MAX_EVIDENCE_BYTES + 64 * 1024;

  @Inject StaffRecords recording;
  @Inject RequestCaller requestCaller;

  @POST
  @RolesAllowed(Role.Names.DATA_STEWARD)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response upload(
      @PathParam("psn") String psn,
      @HeaderParam("Content-Length") Long contentLength,
      List<EntityPart> parts) {
    if (contentLength != null && contentLength > MAX_REQUEST_BYTES) {
      throw tooLarge();
    }
    UploadedFile file =
        UploadedFile.of(parts, StaffRecords.MAX_EVIDENCE_BYTES, EvidenceResource::tooLarge)
            .orElseThrow(() -> Refusal.invalid("file", "the scan goes in a part named file"));
    Caller caller = requestCaller.get();
    String patient = "me".equals(psn) ? caller.psn().orElse("") : psn;
    StaffRecords.Attached attached =
        recording.attach(caller, patient, file.declaredType(), file.content());
    LoggedEntry logged = attached.audit().awaitLogged(ConsentResource.AUDIT_WAIT);
    return Response.status(201)
        .type(MediaType.APPLICATION_JSON)
        .entity(
            JSON.createObjectBuilder()
                .add("attachmentId", attached.attachment().id().toString())
                .add("sha256", attached.attachment().sha256())
                .add("size", attached.attachment().size())
                .add("mediaType", attached.attachment().mediaType())
                .add("auditIndex", logged.index())
                .build()
                .toString())
        .build();
  }

  private static Refusal tooLarge() {
    return new Refusal(
        Refusal.Kind.TOO_LARGE, "evidence-too-large", "A scan may be at most 20 MB.", List.of());
  }
}
