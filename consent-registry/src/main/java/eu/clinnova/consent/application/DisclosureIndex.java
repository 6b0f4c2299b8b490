package eu.clinnova.consent.application;

import eu.clinnova.consent.infrastructure.DisclosureStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

/**
 * Upkeep of the index through which patients find the releases that included them: its pending
 * entries are merged here, on the portal's schedule, so that no release decision waits for a merge
 * (consent migration V7).
 */
@ApplicationScoped
public class DisclosureIndex {

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  private final DisclosureStore disclosures = new DisclosureStore();

  /** Merges what is pending; returns the pages merged. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public long merge() {
    return Reads.on(dataSource, "the disclosure index", disclosures::mergeIndex);
  }
}
