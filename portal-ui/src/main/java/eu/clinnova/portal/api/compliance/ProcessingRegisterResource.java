package eu.clinnova.portal.api.compliance;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.portal.http.ContentDisposition;
import eu.clinnova.workflow.register.ProcessingActivity;
import eu.clinnova.workflow.register.ProcessingRecord;
import eu.clinnova.workflow.register.ProcessingRecordPdf;
import eu.clinnova.workflow.register.ProcessingRegister;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /api/v1/compliance/processing-register}: the record of processing activities (GDPR
 * Art. 30(1)) for compliance officers and administrators, as JSON, or as a PDF document (a
 * download) when the first acceptable type is {@code application/pdf}.
 */
@Path("v1/compliance/processing-register")
@RequestScoped
public class ProcessingRegisterResource {

  @Inject ProcessingRegister register;
  @Inject RequestCaller requestCaller;

  @GET
  @RolesAllowed({Role.Names.COMPLIANCE_OFFICER, Role.Names.ADMIN})
  @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
  public Response get(@Context HttpHeaders headers) {
    ProcessingRecord record = register.record(requestCaller.get());
    boolean pdf =
        headers.getAcceptableMediaTypes().stream()
            .findFirst()
            .map(
                type ->
                    type.isCompatible(MediaType.valueOf("application/pdf"))
                        && !type.isWildcardType())
            .orElse(false);
    if (pdf) {
      return Response.ok(ProcessingRecordPdf.render(record), "application/pdf")
          .header(
              "Content-Disposition",
              ContentDisposition.attachment(
                  "record-of-processing-"
                      + record.generatedAt().toString().substring(0, 10)
                      + ".pdf"))
          .header("Cache-Control", "no-store")
          .build();
    }
    return Response.ok(json(record).toString(), MediaType.APPLICATION_JSON).build();
  }

  static JsonObject json(ProcessingRecord record) {
    JsonArrayBuilder activities = JSON.createArrayBuilder();
    for (ProcessingActivity activity : record.activities()) {
      JsonArrayBuilder transfers = JSON.createArrayBuilder();
      activity
          .transfers()
          .forEach(
              transfer ->
                  transfers.add(
                      JSON.createObjectBuilder()
                          .add("country", transfer.country())
                          .add("safeguard", transfer.safeguard())));
      var json =
          JSON.createObjectBuilder()
              .add("applicationId", activity.applicationId().toString())
              .add("title", activity.title())
              .add("purposes", strings(activity.purposes()))
              .add("legalBasis", activity.legalBasis())
              .add("dataSubjects", strings(activity.dataSubjects()))
              .add("dataCategories", strings(activity.dataCategories()))
              .add("recipients", strings(activity.recipients()))
              .add("transfers", transfers)
              .add("retention", activity.retention())
              .add("security", strings(activity.security()));
      activity.from().ifPresent(from -> json.add("from", from.toString()));
      activity.until().ifPresent(until -> json.add("until", until.toString()));
      activities.add(json);
    }
    return JSON.createObjectBuilder()
        .add(
            "controller",
            JSON.createObjectBuilder()
                .add("name", record.controller().name())
                .add("contact", record.controller().contact())
                .add("dpo", record.controller().dpo()))
        .add("generatedAt", record.generatedAt().toString())
        .add("activities", activities)
        .build();
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }
}
