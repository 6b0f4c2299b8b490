package eu.clinnova.workflow.engine;

import eu.clinnova.workflow.review.ReviewSteps;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

/**
 * Builds the process engine on the server's datasources and transaction manager and offers its
 * services to CDI. Flowable ships no Jakarta CDI module, hence this producer (ADR 0005).
 *
 * <p>{@link #start()} is called once at deployment, after the database migrations, by the portal's
 * start-up sequence; before that the services are not available.
 */
@ApplicationScoped
public class WorkflowEngine {

  private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());

  /** Process definitions deployed with every start; Flowable skips unchanged ones. */
  public static final List<String> PROCESS_RESOURCES =
      List.of(
          "processes/engine-check.bpmn20.xml",
          "processes/application-review.bpmn20.xml",
          "processes/ethics-renewal.bpmn20.xml");

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource applicationDataSource;

  @Resource(lookup = "java:jboss/datasources/ClinnovaMigrationDS")
  private DataSource ownerDataSource;

  @Resource(lookup = "java:/TransactionManager")
  private TransactionManager transactionManager;

  @Inject ReviewSteps reviewSteps;

  private volatile ProcessEngine engine;

  /** Creates or upgrades the schema as its owner, starts the engine, deploys our processes. */
  public synchronized void start() {
    if (engine != null) {
      return;
    }
    WorkflowEngineSettings.schemaManager(ownerDataSource).buildProcessEngine().close();
    ProcessEngine started =
        WorkflowEngineSettings.runtime(
                applicationDataSource, transactionManager, Map.of(ReviewSteps.BEAN, reviewSteps))
            .buildProcessEngine();
    ProcessDeployer.deploy(started.getRepositoryService(), PROCESS_RESOURCES);
    engine = started;
    LOG.info("Workflow engine started: " + started.getName());
  }

  @PreDestroy
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  /** The running engine; fails fast if start-up has not happened or failed. */
  @Produces
  public ProcessEngine engine() {
    ProcessEngine current = engine;
    if (current == null) {
      throw new IllegalStateException("The workflow engine is not started");
    }
    return current;
  }

  public boolean isRunning() {
    return engine != null;
  }

  @Produces
  RepositoryService repositoryService() {
    return engine().getRepositoryService();
  }

  @Produces
  RuntimeService runtimeService() {
    return engine().getRuntimeService();
  }

  @Produces
  TaskService taskService() {
    return engine().getTaskService();
  }

  @Produces
  HistoryService historyService() {
    return engine().getHistoryService();
  }

  @Produces
  ManagementService managementService() {
    return engine().getManagementService();
  }
}
