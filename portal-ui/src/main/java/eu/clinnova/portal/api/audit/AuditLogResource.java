package eu.clinnova.portal.api.audit;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The audit log's public surface, exactly as the contract fixes it: the signed checkpoint and the
 * verifier key for anyone; entries for compliance officers; proofs for compliance officers and
 * nodes. Formats are those of Go's sumdb tooling.
 */
@Path("v1/audit")
@RequestScoped
public class AuditLogResource {

  static final int MAX_PAGE = 1000;
  static final int DEFAULT_PAGE = 100;

  @Inject AuditLogService auditLog;

  @GET
  @Path("checkpoint")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String checkpoint() {
    return auditLog.checkpoint();
  }

  @GET
  @Path("verifier-key")
  @PermitAll
  @Produces(MediaType.TEXT_PLAIN)
  public String verifierKey() {
    return auditLog.verifierKey();
  }

  @GET
  @Path("entries")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Produces(MediaType.APPLICATION_JSON)
  public StreamingOutput entries(
      @QueryParam("start") String start, @QueryParam("limit") String limit) {
    Parameters parameters = new Parameters();
    long from = parameters.number("start", start, 0L, 0, Long.MAX_VALUE);
    long count = parameters.number("limit", limit, (long) DEFAULT_PAGE, 1, MAX_PAGE);
    parameters.throwIfInvalid();
    List<StoredEntry> page = auditLog.entries(from, (int) count);
    return output -> writeEntries(page, output);
  }

  /**
   * {@code {"entries":[{"index":..,"leaf":"<base64>","entry":{...}},...]}}, written as bytes: a
   * leaf is RFC 8785 canonical JSON, so its bytes are the "entry" object as any JSON parser reads
   * it, without parsing and re-serialising a thousand objects per page (the replay of a million
   * entries reads a thousand pages).
   */
  static void writeEntries(List<StoredEntry> page, OutputStream sink) throws IOException {
    OutputStream out = new BufferedOutputStream(sink, 1 << 16);
    out.write(ascii("{\"entries\":["));
    for (int i = 0; i < page.size(); i++) {
      StoredEntry entry = page.get(i);
      out.write(ascii((i == 0 ? "" : ",") + "{\"index\":" + entry.index() + ",\"leaf\":\""));
      out.write(Base64.getEncoder().encode(entry.leaf()));
      out.write(ascii("\",\"entry\":"));
      out.write(entry.leaf());
      out.write('}');
    }
    out.write(ascii("]}"));
    out.flush();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @GET
  @Path("proof/inclusion")
  @RolesAllowed({Role.Names.COMPLIANCE_OFFICER, Role.Names.NODE})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject inclusion(@QueryParam("index") String index, @QueryParam("size") String size) {
    long treeSize = auditLog.treeSize();
    Parameters parameters = new Parameters();
    long leaf = parameters.number("index", index, null, 0, Long.MAX_VALUE);
    long tree = parameters.number("size", size, null, 1, Long.MAX_VALUE);
    parameters.throwIfInvalid();
    if (tree > treeSize) {
      parameters.reject("size", "the log has " + treeSize + " entries");
    } else if (leaf >= tree) {
      parameters.reject("index", "must be below size");
    }
    parameters.throwIfInvalid();
    return proof("index", leaf, "size", tree, auditLog.inclusionProof(leaf, tree));
  }

  @GET
  @Path("proof/consistency")
  @RolesAllowed({Role.Names.COMPLIANCE_OFFICER, Role.Names.NODE})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
    long treeSize = auditLog.treeSize();
    Parameters parameters = new Parameters();
    long older = parameters.number("from", from, null, 1, Long.MAX_VALUE);
    long newer = parameters.number("to", to, null, 1, Long.MAX_VALUE);
    parameters.throwIfInvalid();
    if (newer > treeSize) {
      parameters.reject("to", "the log has " + treeSize + " entries");
    } else if (older > newer) {
      parameters.reject("from", "must not be above to");
    }
    parameters.throwIfInvalid();
    return proof("from", older, "to", newer, auditLog.consistencyProof(older, newer));
  }

  private static JsonObject proof(String aName, long a, String bName, long b, List<byte[]> hashes) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    hashes.forEach(hash -> array.add(Base64.getEncoder().encodeToString(hash)));
    return JSON.createObjectBuilder().add(aName, a).add(bName, b).add("hashes", array).build();
  }

  /** Collects every bad query parameter so that one answer names them all. */
  static final class Parameters {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    long number(String name, String raw, Long absent, long min, long max) {
      if (raw == null || raw.isBlank()) {
        if (absent == null) {
          errors.add(new Problem.FieldError(name, "is required"));
          return 0;
        }
        return absent;
      }
      try {
        long value = Long.parseLong(raw.strip());
        if (value < min || value > max) {
          errors.add(new Problem.FieldError(name, "must be between " + min + " and " + max));
        }
        return value;
      } catch (NumberFormatException e) {
        errors.add(new Problem.FieldError(name, "must be a whole number"));
        return 0;
      }
    }

    void reject(String name, String message) {
      errors.add(new Problem.FieldError(name, message));
    }

    void throwIfInvalid() {
      if (!errors.isEmpty()) {
        throw new ProblemException(
            Problem.invalid("Invalid query parameters.", List.copyOf(errors)));
      }
    }
  }
}
