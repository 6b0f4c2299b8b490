package eu.clinnova.portal.ui.compliance;

import eu.clinnova.audit.log.EntrySearch;
import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.portal.ui.base.CsvCells;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A search's results as CSV (one row per entry, the columns people filter on) or JSON (the entries
 * exactly as the API serves them, with their leaves), newest first, at most {@link #MAX_ENTRIES}
 * entries.
 */
final class AuditExport {

  static final int MAX_ENTRIES = 100_000;

  private AuditExport() {}

  static byte[] csv(AuditLogService log, EntrySearch search) {
    StringBuilder out =
        new StringBuilder(
            "index,time,action,actor_role,actor_sub,subject_type,subject_id,leaf_hash_hex\r\n");
    forEach(
        log,
        search,
        entry ->
            out.append(entry.index())
                .append(',')
                .append(entry.time())
                .append(',')
                .append(cell(entry.action()))
                .append(',')
                .append(cell(entry.actorRole()))
                .append(',')
                .append(cell(entry.actorSub()))
                .append(',')
                .append(cell(entry.subjectType()))
                .append(',')
                .append(cell(entry.subjectId()))
                .append(',')
                .append(HexFormat.of().formatHex(entry.leafHash()))
                .append("\r\n"));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] json(AuditLogService log, EntrySearch search) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder text = new StringBuilder("{\"entries\":[");
    boolean[] first = {true};
    forEach(
        log,
        search,
        entry -> {
          if (!first[0]) {
            text.append(',');
          }
          first[0] = false;
          text.append("{\"index\":")
              .append(entry.index())
              .append(",\"leaf\":\"")
              .append(Base64.getEncoder().encodeToString(entry.leaf()))
              .append("\",\"entry\":")
              .append(new String(entry.leaf(), StandardCharsets.UTF_8))
              .append('}');
        });
    text.append("]}");
    out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static void forEach(
      AuditLogService log, EntrySearch search, Consumer<StoredEntry> action) {
    EntrySearch page = search.withLimit(EntrySearch.MAX_LIMIT);
    int written = 0;
    while (written < MAX_ENTRIES) {
      List<StoredEntry> entries = log.search(page);
      entries.forEach(action);
      written += entries.size();
      if (entries.size() < page.limit()) {
        return;
      }
      page = page.after(entries.get(entries.size() - 1).index());
    }
  }

  static String cell(String value) {
    return CsvCells.cell(value);
  }
}
