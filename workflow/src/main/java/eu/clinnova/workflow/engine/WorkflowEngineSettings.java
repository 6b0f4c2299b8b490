package eu.clinnova.workflow.engine;

import java.util.Map;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.JtaProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The one place that says how our Flowable engines are configured, so that the engine that creates
 * the schema (as the schema owner) and the engine that runs processes (as the application role,
 * inside JTA transactions) can never disagree on what the schema holds.
 */
public final class WorkflowEngineSettings {

  /** Engine name, shown by the health check. */
  public static final String ENGINE_NAME = "clinnova-workflow";

  private WorkflowEngineSettings() {}

  /**
   * An engine that creates or upgrades Flowable's tables and does nothing else. It runs on the
   * schema owner's (non-JTA) connection at start-up, so the application role needs no DDL rights.
   */
  public static ProcessEngineConfiguration schemaManager(DataSource ownerDataSource) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(ownerDataSource);
    configuration.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    applyCommon(configuration, ENGINE_NAME + "-schema");
    return configuration;
  }

  /**
   * The engine that runs processes: it joins the caller's JTA transaction, so a domain change, its
   * audit entry and the process step it triggers commit or roll back together.
   */
  public static ProcessEngineConfiguration runtime(
      DataSource applicationDataSource,
      jakarta.transaction.TransactionManager transactionManager,
      Map<Object, Object> beans) {
    JtaProcessEngineConfiguration configuration = new JtaProcessEngineConfiguration();
    configuration.setBeans(beans);
    configuration.setDataSource(applicationDataSource);
    configuration.setTransactionManager(transactionManager);
    configuration.setTransactionsExternallyManaged(true);
    // The schema is the owner's business (see schemaManager); here it is only checked.
    configuration.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    applyCommon(configuration, ENGINE_NAME);
    // Timers (reminders, escalations) run on the engine's executor, each job in its own JTA
    // transaction begun by the engine's transaction interceptor.
    configuration.setAsyncExecutorActivate(true);
    // Flowable takes one due timer per acquisition, every 10 s by default: after a restart (or a
    // morning when many reminders fall due) the network's timers would trickle out one by one.
    configuration.setAsyncExecutorMaxTimerJobsPerAcquisition(20);
    return configuration;
  }

  /**
   * An engine for module tests: like {@link #schemaManager} on a plain data source, with the beans
   * the processes' expressions name; timers are fired by the test, not by an executor.
   */
  public static ProcessEngineConfiguration standalone(
      DataSource dataSource, Map<Object, Object> beans) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) schemaManager(dataSource);
    configuration.setBeans(beans);
    return configuration;
  }

  private static void applyCommon(ProcessEngineConfigurationImpl configuration, String name) {
    configuration.setEngineName(name);
    configuration.setDatabaseType(AbstractEngineConfiguration.DATABASE_TYPE_POSTGRES);
    // Users and groups live in Keycloak; events in our audit log: neither engine is wanted.
    configuration.setDisableIdmEngine(true);
    configuration.setDisableEventRegistry(true);
    // Off unless the runtime engine switches it on after this (see runtime()).
    configuration.setAsyncExecutorActivate(false);
    configuration.setHistory("audit");
  }
}
