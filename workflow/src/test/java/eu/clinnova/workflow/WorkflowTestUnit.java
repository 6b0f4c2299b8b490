package eu.clinnova.workflow;

import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationStoresTest;
import eu.clinnova.workflow.application.SubmissionChecklistTest;
import eu.clinnova.workflow.catalogue.DatasetStore;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The world of a workflow service's unit test: a schema made by the real migrations, the workflow
 * unit over it as the application role, and, if asked, the catalogue's {@code lu-set} and {@code
 * ch-set}.
 */
public final class WorkflowTestUnit implements AutoCloseable {

  private final TestDatabase database;
  private final TestPersistence persistence;

  private WorkflowTestUnit(TestDatabase database) {
    this.database = database;
    this.persistence = TestPersistence.unit("workflow", database);
  }

  /** An empty catalogue. */
  public static WorkflowTestUnit empty() throws Exception {
    return new WorkflowTestUnit(TestDatabase.migrated("messages", "workflow"));
  }

  /** A catalogue of {@code lu-set} (LU) and {@code ch-set} (CH). */
  public static WorkflowTestUnit withDatasets() throws Exception {
    WorkflowTestUnit unit = empty();
    unit.run(
        entities -> {
          DatasetStore datasets = new DatasetStore(entities);
          datasets.insert(SubmissionChecklistTest.dataset("lu-set", "LU"), "admin");
          datasets.insert(SubmissionChecklistTest.dataset("ch-set", "CH"), "admin");
        });
    return unit;
  }

  /** {@code work} in a transaction of its own, as the container runs a service's call. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    return persistence.inTransaction(work);
  }

  public void run(Consumer<EntityManager> work) {
    persistence.run(work);
  }

  /**
   * A draft of sub-1 asking for {@code lu-set} and {@code ch-set}, stored as the editor leaves it;
   * with {@code ethicsUntil}, a current approval for LU and for CH declared on it.
   */
  public Application draftForLuAndCh(Optional<LocalDate> ethicsUntil, Instant at) {
    Application draft = ApplicationStoresTest.draft();
    Application both =
        new Application(
            draft.id(),
            draft.ownerSub(),
            draft.ownerName(),
            ApplicationState.DRAFT,
            draft.document(),
            List.of("LU", "CH"),
            0,
            Optional.empty(),
            at,
            at);
    run(
        entities -> {
          ApplicationStore applications = new ApplicationStore(entities);
          applications.insert(both);
          ethicsUntil.ifPresent(
              until -> {
                ApplicationStoresTest.declareEthics(
                    applications, both.id(), "LU", "CNER 202301", until, at);
                ApplicationStoresTest.declareEthics(
                    applications, both.id(), "CH", "2023-00123", until, at);
              });
        });
    return both;
  }

  @Override
  public void close() throws Exception {
    persistence.close();
    database.close();
  }
}
