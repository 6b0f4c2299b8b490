package eu.clinnova.workflow.engine;

import eu.clinnova.workflow.review.ReviewSteps;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessEngine;

/**
 * The production review process on a real Flowable engine with its own embedded PostgreSQL, for a
 * service's unit test. The process's steps only say they were taken (their own behaviour is the
 * system tests'), so the test sees what the service made the process do.
 */
public final class RecordedStepsEngine implements AutoCloseable {

  private static final long DAY = 24L * 3600 * 1000;

  private final EmbeddedPostgres database;
  private final ProcessEngine engine;
  private final List<String> steps = Collections.synchronizedList(new ArrayList<>());

  private RecordedStepsEngine() throws IOException {
    ReviewSteps recorded =
        (ReviewSteps)
            Proxy.newProxyInstance(
                ReviewSteps.class.getClassLoader(),
                new Class<?>[] {ReviewSteps.class},
                (proxy, method, arguments) -> {
                  // The committees' periods and the clocks are read, not taken: the seeded rules'
                  // 7, 14 and 90 days, four weeks to resubmit.
                  switch (method.getName()) {
                    case "reminderPeriod":
                      return "P7D";
                    case "escalationPeriod":
                      return "P14D";
                    case "reminderCycle":
                      return "R12/P7D";
                    case "decisionDue":
                      return new java.util.Date(System.currentTimeMillis() + 90L * DAY);
                    case "resubmissionDue":
                      return new java.util.Date(
                          System.currentTimeMillis() + (28L - (Integer) arguments[2]) * DAY);
                    default:
                      steps.add(method.getName() + (arguments == null ? "" : List.of(arguments)));
                      return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                  }
                });
    database = EmbeddedPostgres.builder().start();
    engine =
        WorkflowEngineSettings.standalone(
                database.getPostgresDatabase(), Map.of(ReviewSteps.BEAN, recorded))
            .buildProcessEngine();
    ProcessDeployer.deploy(engine.getRepositoryService(), WorkflowEngine.PROCESS_RESOURCES);
  }

  public static RecordedStepsEngine start() throws IOException {
    return new RecordedStepsEngine();
  }

  public ProcessEngine engine() {
    return engine;
  }

  /** The steps taken so far, each as {@code name[arguments]}, in order. */
  public List<String> steps() {
    return List.copyOf(steps);
  }

  @Override
  public void close() throws IOException {
    engine.close();
    database.close();
  }
}
