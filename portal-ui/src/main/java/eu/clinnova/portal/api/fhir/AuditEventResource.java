package eu.clinnova.portal.api.fhir;

import eu.clinnova.audit.log.EntrySearch;
import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.consent.application.AuditSearchScope;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * {@code GET /api/v1/fhir/r4/AuditEvent}: log entries as a FHIR searchset. Compliance officers
 * search everything; a patient sees only the entries about themself. Parameters: {@code patient}
 * (psn), {@code subtype} (action code), {@code agent} (actor id), {@code date} (with {@code
 * ge}/{@code lt} prefixes, repeatable), {@code _count} (at most 1000), and {@code _before} (the
 * paging cursor of the {@code next} link).
 */
@Path("v1/fhir/r4/AuditEvent")
@RequestScoped
@RolesAllowed({Role.Names.COMPLIANCE_OFFICER, Role.Names.PATIENT})
public class AuditEventResource {

  @Inject AuditLogService auditLog;
  @Inject RequestCaller requestCaller;
  @Inject Fhir fhir;
  @Context UriInfo uri;

  @GET
  @Produces({Fhir.MEDIA_TYPE, "application/json"})
  public Response search(
      @QueryParam("patient") String patient,
      @QueryParam("entity") String entity,
      @QueryParam("subtype") String subtype,
      @QueryParam("agent") String agent,
      @QueryParam("date") List<String> dates,
      @QueryParam("_count") String count,
      @QueryParam("_before") String before) {
    Caller caller = requestCaller.get();
    List<Problem.FieldError> errors = new ArrayList<>();
    String subject = patient;
    String subjectType = patient == null ? null : "patient";
    if (entity != null) {
      // What an entry is about, as a FHIR reference: application/<id>, entitlement/<id>...
      if (patient != null || !entity.matches("[a-z][a-z-]{1,40}/[^/]{1,200}")) {
        errors.add(
            new Problem.FieldError(
                "entity", "must be <type>/<id> (such as application/<id>), without patient"));
      } else {
        subjectType = entity.substring(0, entity.indexOf('/'));
        subject = entity.substring(entity.indexOf('/') + 1);
      }
    }
    // Who may search what is the registry's rule, checked before the rest of the search is read.
    AuditSearchScope.About about =
        AuditSearchScope.limit(
            caller,
            patient,
            entity == null ? null : new AuditSearchScope.About(subjectType, subject));
    if (about != null && errors.isEmpty()) {
      subjectType = about.type();
      subject = about.id();
    }
    Instant from = null;
    Instant to = null;
    for (String date : dates == null ? List.<String>of() : dates) {
      try {
        if (date.startsWith("ge")) {
          from = instant(date.substring(2));
        } else if (date.startsWith("lt")) {
          to = instant(date.substring(2));
        } else {
          errors.add(new Problem.FieldError("date", "use ge<date> and/or lt<date>"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new Problem.FieldError("date", "not a date or an instant: " + date));
      }
    }
    int limit = 100;
    if (count != null) {
      try {
        limit = Integer.parseInt(count);
        if (limit < 1 || limit > EntrySearch.MAX_LIMIT) {
          errors.add(
              new Problem.FieldError("_count", "must be between 1 and " + EntrySearch.MAX_LIMIT));
        }
      } catch (NumberFormatException e) {
        errors.add(new Problem.FieldError("_count", "must be a whole number"));
      }
    }
    Long cursor = null;
    if (before != null) {
      try {
        cursor = Long.parseLong(before);
      } catch (NumberFormatException e) {
        errors.add(new Problem.FieldError("_before", "must be a whole number"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("Invalid search parameters.", errors));
    }
    EntrySearch search =
        new EntrySearch(
            from, to, subtype, agent, subject == null ? null : subjectType, subject, cursor, limit);
    List<StoredEntry> entries = auditLog.search(search);

    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
    if (entries.size() == limit) {
      bundle
          .addLink()
          .setRelation("next")
          .setUrl(
              uri.getRequestUriBuilder()
                  .replaceQueryParam("_before", entries.get(entries.size() - 1).index())
                  .build()
                  .toString());
    }
    String base = uri.getBaseUriBuilder().path("v1/fhir/r4/AuditEvent/").build().toString();
    String observer = auditLog.origin();
    for (StoredEntry entry : entries) {
      bundle
          .addEntry()
          .setFullUrl(base + entry.index())
          .setResource(AuditEventMapper.toFhir(entry, observer))
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    return Response.ok(fhir.json(bundle), Fhir.MEDIA_TYPE + ";charset=utf-8").build();
  }

  private static Instant instant(String value) {
    return value.length() == 10
        ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
        : Instant.parse(value);
  }
}
