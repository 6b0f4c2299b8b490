package eu.clinnova.portal.ui.releases;

import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.CsvCells;
import eu.clinnova.release.Release;
import eu.clinnova.release.ReleaseQueries;
import eu.clinnova.release.ReleaseStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The releases of a search as CSV, every page of it (up to {@value #MAX_RELEASES}): each decision
 * with its counts, reasons, the digests of the pseudonyms asked for and released, and its audit
 * index, so that a spreadsheet row leads back to the log.
 */
final class ReleaseExport {

  static final int MAX_RELEASES = 100_000;
  private static final int PAGE = 500;

  static final String HEADER =
      "release_id,decided_at,node,application_id,dataset_id,jurisdiction,recipient,decision,"
          + "requested,permitted,reasons,denials,requested_sha256,permitted_sha256,audit_index,"
          + "subjects_root\r\n";

  private ReleaseExport() {}

  static byte[] csv(ReleaseQueries queries, Caller caller, ReleaseStore.Search search) {
    StringBuilder out = new StringBuilder(HEADER);
    Optional<ReleaseStore.PageEnd> before = Optional.empty();
    int written = 0;
    while (written < MAX_RELEASES) {
      ReleaseStore.Search page =
          new ReleaseStore.Search(
              search.node(),
              search.applicationId(),
              search.datasetId(),
              search.jurisdictions(),
              search.recipient(),
              search.from(),
              search.to(),
              before,
              PAGE);
      List<Release> releases = queries.search(caller, page);
      releases.forEach(release -> row(out, release));
      written += releases.size();
      if (releases.size() < PAGE) {
        break;
      }
      before = Optional.of(ReleaseStore.PageEnd.after(releases.get(releases.size() - 1)));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder out, Release release) {
    String denials =
        release.denials().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining(";"));
    List<String> cells =
        List.of(
            release.id().toString(),
            release.decidedAt().toString(),
            release.node(),
            release.applicationId().toString(),
            release.datasetId(),
            release.jurisdiction(),
            release.recipient(),
            release.decision().code(),
            String.valueOf(release.requested()),
            String.valueOf(release.permitted()),
            String.join(";", release.reasons()),
            denials,
            release.requestedSha256(),
            release.permittedSha256(),
            String.valueOf(release.auditIndex()),
            release.subjectsRoot().orElse(""));
    out.append(cells.stream().map(CsvCells::cell).collect(Collectors.joining(","))).append("\r\n");
  }
}
