package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.DisclosureStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.messages.outbox.Letter;
import eu.clinnova.messages.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A withdrawal reaches those who already received the patient's data (issue 20): in the transaction
 * that records it, one letter per earlier release to its recipient, naming the patient's pseudonym
 * (which they hold already), what was withdrawn, the project and the release, and no other
 * patient's data; and each node reads the withdrawals and objections of its jurisdiction since a
 * time, with the earlier releases that included each patient, so that data already released is
 * handled under the agreement.
 */
@ApplicationScoped
public class WithdrawalNotices {

  /** At most this many withdrawals per answer; the next request starts at the last one's time. */
  public static final int LIMIT = 1000;

  private DataSource dataSource;

  protected WithdrawalNotices() {}

  @Inject
  public WithdrawalNotices(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A withdrawal or objection, with the releases that had included the patient before it. */
  public record Withdrawal(
      String psn, List<String> modules, boolean objection, Instant at, List<String> releases) {}

  /**
   * The withdrawals and objections recorded after {@code since} for patients of the node's
   * jurisdiction, oldest first. Only nodes ask, each for its own jurisdiction.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Withdrawal> since(Caller node, Instant since) {
    if (!node.has(Role.NODE) || node.jurisdictions().size() != 1) {
      throw Refusal.forbidden("Only a data node reads the withdrawals of its jurisdiction.");
    }
    Jurisdiction jurisdiction = node.jurisdictions().iterator().next();
    List<Withdrawal> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT r.psn, r.withdrawn, r.kind, r.recorded_at,"
                    + " ARRAY(SELECT d.release_id::text FROM consent.disclosure d"
                    + "  WHERE d.psns @> ARRAY[r.psn] AND d.decided_at < r.recorded_at"
                    + "  ORDER BY d.decided_at, d.release_id)"
                    + " FROM consent.record r JOIN consent.patient p ON p.psn = r.psn"
                    + " WHERE r.kind IN ('withdrawal', 'objection') AND p.jurisdiction = ?"
                    + " AND r.recorded_at > ? ORDER BY r.recorded_at, r.seq LIMIT ?")) {
      query.setString(1, jurisdiction.name());
      query.setTimestamp(2, Timestamp.from(since));
      query.setInt(3, LIMIT);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          List<String> modules = Arrays.asList((String[]) rows.getArray(2).getArray());
          found.add(
              new Withdrawal(
                  rows.getString(1),
                  modules.isEmpty() ? List.of("*") : modules.stream().sorted().toList(),
                  rows.getString(3).equals("objection"),
                  rows.getTimestamp(4).toInstant(),
                  Arrays.asList((String[]) rows.getArray(5).getArray())));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the withdrawals could not be read", e);
    }
    return found;
  }

  /**
   * Posts, on the withdrawal's own connection, a letter to the recipient of each earlier release
   * that included the patient; answers how many.
   */
  static int tellRecipients(Connection connection, ConsentRecord withdrawal, Patient patient)
      throws SQLException {
    List<Disclosure> released = new DisclosureStore().of(connection, patient.psn());
    String modules =
        withdrawal.withdrawn().isEmpty()
            ? "*"
            : String.join(
                ", ", withdrawal.withdrawn().stream().map(ConsentModule::code).sorted().toList());
    List<Letter> letters = new ArrayList<>();
    for (Disclosure release : released) {
      letters.add(
          new Letter(
              "release:" + release.releaseId(),
              "withdrawal-notice",
              uuid(release.applicationId()),
              Optional.of(patient.jurisdiction()),
              Map.of(
                  "title", release.projectTitle(),
                  "psn", patient.psn(),
                  "modules", modules,
                  "dataset", release.datasetId(),
                  "released", release.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                  "withdrawn",
                      withdrawal.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()),
              "/research/application/" + release.applicationId()));
    }
    Outbox.on(connection).postAll(letters, withdrawal.recordedAt());
    return letters.size();
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
