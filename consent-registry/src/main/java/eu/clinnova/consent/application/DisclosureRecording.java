package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.consent.infrastructure.DisclosureStore;
import eu.clinnova.messages.outbox.Letter;
import eu.clinnova.messages.outbox.Outbox;
import eu.clinnova.messages.preference.ReleaseMailChoices;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry's door for the release gate: records, on the gate's connection and so in the
 * transaction that decided it, that a release included these patients ("who used my data"); and
 * reads them back for the release's subject tree.
 */
public final class DisclosureRecording {

  private final DisclosureStore disclosures = new DisclosureStore();

  public void record(Connection connection, Disclosure release, List<String> permitted)
      throws SQLException {
    disclosures.insertAll(connection, release, permitted);
    tellThoseWhoAsked(connection, release, permitted);
  }

  /**
   * Posts, in the release's transaction, a letter to each included patient who asked to be told
   * (their preference {@code releasesOfMyData}): the project and the day, never other patients.
   */
  private static void tellThoseWhoAsked(
      Connection connection, Disclosure release, List<String> permitted) throws SQLException {
    List<String> wanting = ReleaseMailChoices.wanting(connection, permitted);
    if (wanting.isEmpty()) {
      return;
    }
    Optional<UUID> application;
    try {
      application = Optional.of(UUID.fromString(release.applicationId()));
    } catch (IllegalArgumentException e) {
      application = Optional.empty();
    }
    Optional<UUID> about = application;
    String day = release.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    Outbox.on(connection)
        .postAll(
            wanting.stream()
                .map(
                    psn ->
                        new Letter(
                            Letter.patient(psn),
                            "release-of-my-data",
                            about,
                            Optional.empty(),
                            Map.of("title", release.projectTitle(), "released", day),
                            "/consent/disclosures"))
                .toList(),
            release.decidedAt());
  }

  /** The patients a release included, as recorded (none for a release that permitted no one). */
  public List<String> permitted(Connection connection, String releaseId) throws SQLException {
    return disclosures.psnsOf(connection, releaseId);
  }
}
