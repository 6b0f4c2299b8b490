package eu.clinnova.portal.api.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The application's own connection pool can reach PostgreSQL and run a query. */
@ApplicationScoped
class DatabaseHealthCheck implements HealthCheck {

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  @Override
  public String name() {
    return "database";
  }

  @Override
  public Result check() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      statement.execute("SELECT 1");
      return Result.up("PostgreSQL answers");
    } catch (SQLException | RuntimeException e) {
      return Result.down("PostgreSQL does not answer");
    }
  }
}
