package eu.clinnova.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deploys the production BPMN file on a real PostgreSQL and runs it from start to end. */
class EngineCheckProcessTest {

  private static EmbeddedPostgres postgres;
  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    engine =
        WorkflowEngineSettings.schemaManager(postgres.getPostgresDatabase()).buildProcessEngine();
    ProcessDeployer.deploy(engine.getRepositoryService(), WorkflowEngine.PROCESS_RESOURCES);
  }

  @AfterAll
  static void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void theEngineCheckRunsToItsEnd() {
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("engineCheck", "test-1");
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    assertNotNull(task, "the user task waits");
    assertEquals("acknowledge", task.getTaskDefinitionKey());

    engine.getTaskService().complete(task.getId());

    assertEquals(
        0,
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .count(),
        "the instance has ended");
    assertNotNull(
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .finished()
            .singleResult(),
        "history keeps the finished instance");
  }

  @Test
  void redeployingUnchangedDefinitionsCreatesNoNewVersion() {
    long before =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("engineCheck")
            .count();
    ProcessDeployer.deploy(engine.getRepositoryService(), WorkflowEngine.PROCESS_RESOURCES);
    long after =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("engineCheck")
            .count();
    assertEquals(before, after);
  }

  @Test
  void engineTablesAreNotCreatedForIdentityOrEvents() throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet tables =
            connection
                .createStatement()
                .executeQuery(
                    "select count(*) filter (where table_name like 'act_id_%'),"
                        + " count(*) filter (where table_name like 'act_ru_%')"
                        + " from information_schema.tables where table_schema = 'public'")) {
      tables.next();
      assertEquals(0, tables.getInt(1), "no IDM tables: identities live in Keycloak");
      assertTrue(tables.getInt(2) > 0, "runtime tables exist");
    }
  }
}
