package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.consent.infrastructure.DisclosureStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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
  }

  /** The patients a release included, as recorded (none for a release that permitted no one). */
  public List<String> permitted(Connection connection, String releaseId) throws SQLException {
    return disclosures.psnsOf(connection, releaseId);
  }
}
