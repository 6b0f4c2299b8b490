package eu.clinnova.portal.api.patients;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.ImportRunner;
import eu.clinnova.consent.application.PatientImport;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code POST /api/v1/patients/import}: a steward's CSV export of patients to enrol, answered 202
 * with the background job that enrols them ({@code GET /api/v1/jobs/{id}} follows it). A file whose
 * text or header is wrong is refused at once and starts nothing.
 */
@Path("v1/patients/import")
@RequestScoped
public class PatientImportResource {

  @Inject PatientImport imports;
  @Inject ImportRunner runner;
  @Inject RequestCaller requestCaller;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Role.Names.DATA_STEWARD)
  @Consumes("text/csv")
  @Produces(MediaType.APPLICATION_JSON)
  public Response start(InputStream body) {
    PatientImport.Started started = imports.start(requestCaller.get(), read(body));
    started.audit().awaitLogged(PatientResource.AUDIT_WAIT);
    // The job is committed: the runner's thread finds it.
    runner.submit(started.job().id());
    return Response.accepted()
        .location(
            uri.getBaseUriBuilder().path("v1/jobs").path(started.job().id().toString()).build())
        .type(MediaType.APPLICATION_JSON)
        .entity(
            JSON.createObjectBuilder()
                .add("jobId", started.job().id().toString())
                .build()
                .toString())
        .build();
  }

  /**
   * The body, if it is within the limit. A larger one is read to its end and dropped before the
   * 413: a client still sending its file would not read an answer given halfway (the listener
   * itself stops at 64 MB).
   */
  private static byte[] read(InputStream body) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    boolean tooLarge = false;
    try (InputStream in = body) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (!tooLarge) {
          content.write(buffer, 0, n);
          if (content.size() > PatientImport.MAX_BYTES) {
            tooLarge = true;
            content = new ByteArrayOutputStream();
          }
        }
      }
    } catch (IOException e) {
      if (tooLarge) {
        throw PatientImport.tooLarge();
      }
      throw new UncheckedIOException("the upload was cut short", e);
    }
    if (tooLarge) {
      throw PatientImport.tooLarge();
    }
    return content.toByteArray();
  }
}
