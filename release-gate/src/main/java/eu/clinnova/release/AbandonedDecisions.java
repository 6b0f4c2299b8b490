package eu.clinnova.release;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditLogService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Decisions the log took whose record never committed. The gate logs a decision durably before it
 * commits the release's record (ADR 0012): if the database goes away in between (a primary's
 * failover, ADR 0030), the node is answered 503 and given no token, and the log holds a decision
 * that nothing followed. Once no transaction can still commit it (older than the longest a
 * transaction lives), this appends {@code release.abandoned} for it, so that the log itself says
 * the decision had no effect; the compliance replay then checks that its record indeed does not
 * exist, instead of failing to read it.
 */
@ApplicationScoped
public class AbandonedDecisions {

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  @Inject AuditLogService auditLog;

  /** Entries already looked at: each round reads only what was logged since. */
  private volatile long checkedBelow = -1;

  /**
   * Logs {@code release.abandoned} for each decision logged before {@code cutoff} without a release
   * record (and not yet marked); returns how many.
   */
  @Transactional
  public int markDecidedBefore(Instant cutoff) {
    try (Connection connection = dataSource.getConnection()) {
      long from = checkedBelow < 0 ? start(connection) : checkedBelow;
      List<String[]> found = new ArrayList<>();
      long highest = from;
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT e.idx, e.subject_id,"
                  // The release's key looked up as a uuid (its index serves); a subject that is
                  // no uuid has no release.
                  + " NOT EXISTS (SELECT 1 FROM workflow.release r WHERE r.id = CASE WHEN"
                  + "   e.subject_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"
                  + "   THEN e.subject_id::uuid END)"
                  + " AND NOT EXISTS (SELECT 1 FROM audit.entry a"
                  + "   WHERE a.subject_type = 'release' AND a.subject_id = e.subject_id"
                  + "   AND a.action = 'release.abandoned')"
                  + " FROM audit.entry e"
                  + " WHERE e.idx >= ? AND e.logged_at < ? AND e.action = 'release.decided'"
                  + " ORDER BY e.idx")) {
        query.setLong(1, from);
        query.setTimestamp(2, Timestamp.from(cutoff));
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            highest = Math.max(highest, rows.getLong(1) + 1);
            if (rows.getBoolean(3)) {
              found.add(new String[] {rows.getString(2), String.valueOf(rows.getLong(1))});
            }
          }
        }
      }
      for (String[] decision : found) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decidedIndex", Long.parseLong(decision[1]));
        data.put("reason", "record-not-committed");
        auditLog.record(
            new AuditEvent(
                AuditEvent.Actor.system(),
                "release.abandoned",
                new AuditEvent.Subject("release", decision[0]),
                data));
      }
      // Decisions are logged as they are taken (their time is the submission's, within a batch's
      // commit of their index), so a decision below the highest one looked at is older than it:
      // none is left behind under the watermark.
      checkedBelow = highest;
      return found.size();
    } catch (SQLException e) {
      throw new GateUnavailableException("abandoned decisions cannot be looked for", e);
    }
  }

  /**
   * Where the first round of this instance starts: the million entries before the newest (a
   * failover leaves its abandoned decisions among the latest; the whole log of years is not read
   * again at every start).
   */
  private static long start(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("SELECT coalesce(max(idx), 0) FROM audit.entry");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return Math.max(0, rows.getLong(1) - 1_000_000);
    }
  }
}
