package eu.clinnova.messages.outbox;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Posts letters into {@code messages.outbox} through the caller's own entity manager, whatever its
 * unit: every unit of the portal works on the one transactional data source, so the letter commits
 * or rolls back with the change that causes it, in WildFly (one JTA transaction) and in a module
 * test (one resource-local transaction). Nothing is sent here; the sender reads the outbox later.
 */
public final class Outbox {

  private static final String INSERT =
      "INSERT INTO messages.outbox"
          + " (recipient, kind, application_id, jurisdiction, facts, link, created_at,"
          + " except_accounts)"
          + " VALUES (?, ?, CAST(NULLIF(?, '') AS uuid), NULLIF(?, ''), CAST(? AS jsonb), ?, ?,"
          + " CAST(? AS jsonb))";

  private final EntityManager entities;
  private final Connection connection;

  private Outbox(EntityManager entities, Connection connection) {
    this.entities = entities;
    this.connection = connection;
  }

  /** The outbox written in the transaction of {@code entities}. */
  public static Outbox on(EntityManager entities) {
    return new Outbox(entities, null);
  }

  /**
   * The outbox written on {@code connection}, for the contexts whose stores work in JDBC (the
   * connection of the portal's transactional data source joins the same transaction).
   */
  public static Outbox on(Connection connection) {
    return new Outbox(null, connection);
  }

  /** Posts each letter, written at {@code at}, in one batch. */
  public void postAll(List<Letter> letters, Instant at) {
    if (connection == null) {
      letters.forEach(letter -> post(letter, at));
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Letter letter : letters) {
        insert.setString(1, letter.recipient());
        insert.setString(2, letter.kind());
        insert.setString(3, letter.applicationId().map(Object::toString).orElse(""));
        insert.setString(4, letter.jurisdiction().orElse(""));
        insert.setString(5, facts(letter));
        insert.setString(6, letter.link());
        insert.setObject(7, at.atOffset(ZoneOffset.UTC));
        insert.setString(8, except(letter));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("the letters could not be posted", e);
    }
  }

  /**
   * Posts {@code letter}, written at {@code at}. (Absent values go as empty strings that SQL turns
   * into NULL: a typed null is not portable across JPA providers' native queries.)
   */
  public void post(Letter letter, Instant at) {
    if (connection != null) {
      postAll(List.of(letter), at);
      return;
    }
    entities
        .createNativeQuery(
            "INSERT INTO messages.outbox"
                + " (recipient, kind, application_id, jurisdiction, facts, link, created_at,"
                + " except_accounts)"
                + " VALUES (?1, ?2, CAST(NULLIF(?3, '') AS uuid), NULLIF(?4, ''), CAST(?5 AS jsonb),"
                + " ?6, ?7, CAST(?8 AS jsonb))")
        .setParameter(1, letter.recipient())
        .setParameter(2, letter.kind())
        .setParameter(3, letter.applicationId().map(Object::toString).orElse(""))
        .setParameter(4, letter.jurisdiction().orElse(""))
        .setParameter(5, facts(letter))
        .setParameter(6, letter.link())
        .setParameter(7, at.atOffset(ZoneOffset.UTC))
        .setParameter(8, except(letter))
        .executeUpdate();
  }

  private static String except(Letter letter) {
    var accounts = JSON.createArrayBuilder();
    letter.except().stream().sorted().forEach(accounts::add);
    return accounts.build().toString();
  }

  private static String facts(Letter letter) {
    JsonObjectBuilder facts = JSON.createObjectBuilder();
    letter.facts().forEach(facts::add);
    return facts.build().toString();
  }
}
