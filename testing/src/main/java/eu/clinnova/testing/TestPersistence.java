package eu.clinnova.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * A context's persistence unit in a module test: the unit its {@code META-INF/persistence.xml}
 * declares (the same classes and settings WildFly deploys), resource-local over the test database's
 * application role instead of JTA over {@code ClinnovaDS}.
 *
 * <p>Hibernate validates the mapping against the schema the real migrations made, so an entity that
 * names a column or type the migrations do not have fails the module's tests, not the deployment.
 * (On WildFly the units start before the portal migrates, so they cannot validate there.)
 */
public final class TestPersistence implements AutoCloseable {

  private final EntityManagerFactory factory;

  private TestPersistence(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** The unit {@code name} as the application role (pooled), validated against the schema. */
  public static TestPersistence unit(String name, TestDatabase database) {
    return unit(name, database.appPooled());
  }

  /** The unit {@code name} over {@code dataSource}, its mapping validated against the schema. */
  public static TestPersistence unit(String name, DataSource dataSource) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    // the unit's jta-data-source is a JNDI name; the test's data source stands in for it
    settings.put("jakarta.persistence.jtaDataSource", dataSource);
    settings.put("jakarta.persistence.nonJtaDataSource", dataSource);
    settings.put("hibernate.hbm2ddl.auto", "validate");
    return new TestPersistence(Persistence.createEntityManagerFactory(name, settings));
  }

  /** Runs {@code work} in one transaction on a new entity manager, committing if it returns. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager manager = factory.createEntityManager();
    try {
      manager.getTransaction().begin();
      T result = work.apply(manager);
      manager.getTransaction().commit();
      return result;
    } finally {
      if (manager.getTransaction().isActive()) {
        manager.getTransaction().rollback();
      }
      manager.close();
    }
  }

  /** {@link #inTransaction(Function)} for work that answers nothing. */
  public void run(Consumer<EntityManager> work) {
    inTransaction(
        manager -> {
          work.accept(manager);
          return null;
        });
  }

  /**
   * The JDBC connection of {@code entities}' transaction as a data source (closing what it hands
   * out does nothing): a service's JDBC stores then write in the unit's transaction, as both join
   * the one JTA transaction in the portal. A foreign key from a JDBC row to an entity written in
   * the same transaction holds only so.
   */
  public static DataSource sameTransaction(EntityManager entities) {
    Connection connection = entities.unwrap(Session.class).doReturningWork(jdbc -> jdbc);
    Connection kept =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, arguments) ->
                    "close".equals(method.getName()) ? null : call(connection, method, arguments));
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              if ("getConnection".equals(method.getName())) {
                return kept;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static Object call(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    factory.close();
  }
}
