package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.consent.domain.Patient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Releases per patient in {@code consent.disclosure} (written by the release gate). */
public final class DisclosureStore {

  /**
   * Records one release for every patient it permitted, in one statement whatever their number (the
   * release gate, in the transaction that decided it).
   */
  public void insertAll(Connection connection, Disclosure release, List<String> psns)
      throws SQLException {
    if (psns.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.disclosure (release_id, application_id, project_title,"
                + " dataset_id, node, decided_at, audit_index, psns)"
                + " VALUES (?::uuid, ?, ?, ?, ?, ?, ?, string_to_array(?, ','))")) {
      insert.setString(1, release.releaseId());
      insert.setString(2, release.applicationId());
      insert.setString(3, release.projectTitle());
      insert.setString(4, release.datasetId());
      insert.setString(5, release.node());
      insert.setTimestamp(6, java.sql.Timestamp.from(release.decidedAt()));
      insert.setLong(7, release.auditIndex());
      insert.setString(8, Patient.joinPseudonyms(psns));
      insert.executeUpdate();
    }
  }

  /**
   * Merges the pending entries of the disclosures' pseudonym index into the index (V7), so that no
   * release decision has to; returns the pending-list pages merged.
   */
  public long mergeIndex(Connection connection) throws SQLException {
    try (PreparedStatement merge =
            connection.prepareStatement("SELECT consent.merge_disclosure_index()");
        java.sql.ResultSet row = merge.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The pseudonyms recorded for one release. */
  public List<String> psnsOf(Connection connection, String releaseId) throws SQLException {
    List<String> psns = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT unnest(psns) FROM consent.disclosure WHERE release_id = ?::uuid")) {
      query.setString(1, releaseId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          psns.add(row.getString(1));
        }
      }
    }
    return psns;
  }

  /** The patient's disclosures, newest first. */
  public List<Disclosure> of(Connection connection, String psn) throws SQLException {
    List<Disclosure> disclosures = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT release_id, application_id, project_title, dataset_id, node, decided_at,"
                + " audit_index FROM consent.disclosure WHERE psns @> ARRAY[?::text]"
                + " ORDER BY decided_at DESC, release_id")) {
      query.setString(1, psn);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          disclosures.add(
              new Disclosure(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getTimestamp(6).toInstant(),
                  row.getLong(7)));
        }
      }
    }
    return disclosures;
  }
}
