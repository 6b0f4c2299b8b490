package eu.clinnova.consent.application;

import eu.clinnova.consent.infrastructure.ActivationAttemptStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * At most {@link #MAX_ATTEMPTS} wrong activation codes per account per hour, so that codes cannot
 * be guessed by trying. Each attempt is counted in the database and committed in its own
 * transaction before the code is looked at ({@link #reserve}); one that was not a wrong code gives
 * its count back ({@link #giveBack}). A count kept in memory and raised only after a failure let
 * parallel guesses, and other servers, past the limit.
 */
@ApplicationScoped
public class ActivationAttempts {

  static final int MAX_ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofHours(1);

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  @Inject Clock clock;

  /** Counts an attempt of {@code sub}; whether it is still within the limit. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean reserve(String sub) {
    try (Connection connection = dataSource.getConnection()) {
      return ActivationAttemptStore.countAttempt(connection, sub, clock.instant(), WINDOW)
          <= MAX_ATTEMPTS;
    } catch (SQLException e) {
      throw new IllegalStateException("the activation attempt could not be counted", e);
    }
  }

  /** The attempt {@link #reserve} counted was not a wrong code: it does not count. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void giveBack(String sub) {
    try (Connection connection = dataSource.getConnection()) {
      ActivationAttemptStore.giveBack(connection, sub);
    } catch (SQLException e) {
      throw new IllegalStateException("the activation attempt could not be given back", e);
    }
  }
}
