package eu.clinnova.portal.api.health;

import eu.clinnova.workflow.engine.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The process engine runs and can read its deployed definitions from the database. */
@ApplicationScoped
class WorkflowEngineHealthCheck implements HealthCheck {

  @Inject WorkflowEngine workflowEngine;

  @Override
  public String name() {
    return "workflow-engine";
  }

  @Override
  public Result check() {
    if (!workflowEngine.isRunning()) {
      return Result.down("Workflow engine not started");
    }
    try {
      long definitions =
          workflowEngine
              .engine()
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .latestVersion()
              .count();
      return definitions > 0
          ? Result.up(definitions + " process definition(s) deployed")
          : Result.down("No process definition deployed");
    } catch (RuntimeException e) {
      return Result.down("Workflow engine cannot read its definitions");
    }
  }
}
