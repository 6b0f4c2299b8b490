package eu.clinnova.consent.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The portal's transactional data source as a CDI bean, so that a service takes it in its
 * constructor (and a unit test passes its own) instead of looking it up in a field. The audit log's
 * sequencer keeps its own data source, looked up where it is used.
 */
@ApplicationScoped
public class PortalDataSource {

  @Produces
  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource transactional;
}
