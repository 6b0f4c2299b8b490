package eu.clinnova.messages.outbox;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Posts letters into {@code messages.outbox} through the caller's own entity manager, whatever its
 * unit: every unit of the portal works on the one transactional data source, so the letter commits
 * or rolls back with the change that causes it, in WildFly (one JTA transaction) and in a module
 * test (one resource-local transaction). Nothing is sent here; the sender reads the outbox later.
 */
public final class Outbox {

  private final EntityManager entities;

  private Outbox(EntityManager entities) {
    this.entities = entities;
  }

  /** The outbox written in the transaction of {@code entities}. */
  public static Outbox on(EntityManager entities) {
    return new Outbox(entities);
  }

  /**
   * Posts {@code letter}, written at {@code at}. (Absent values go as empty strings that SQL turns
   * into NULL: a typed null is not portable across JPA providers' native queries.)
   */
  public void post(Letter letter, Instant at) {
    JsonObjectBuilder facts = JSON.createObjectBuilder();
    letter.facts().forEach(facts::add);
    entities
        .createNativeQuery(
            "INSERT INTO messages.outbox"
                + " (recipient, kind, application_id, jurisdiction, facts, link, created_at)"
                + " VALUES (?1, ?2, CAST(NULLIF(?3, '') AS uuid), NULLIF(?4, ''), CAST(?5 AS jsonb), ?6, ?7)")
        .setParameter(1, letter.recipient())
        .setParameter(2, letter.kind())
        .setParameter(3, letter.applicationId().map(Object::toString).orElse(""))
        .setParameter(4, letter.jurisdiction().orElse(""))
        .setParameter(5, facts.build().toString())
        .setParameter(6, letter.link())
        .setParameter(7, at.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}
