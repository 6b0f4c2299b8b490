package eu.clinnova.portal.startup;

import eu.clinnova.portal.database.DatabaseMigrations;
import eu.clinnova.workflow.engine.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

/**
 * Brings the portal up in a fixed order: the schema as its owner first, then the workflow engine on
 * the application's role. A failure here fails the deployment, so a portal that answers requests
 * always has its schema.
 */
@ApplicationScoped
public class PortalStartup {

  @Inject DatabaseMigrations migrations;
  @Inject WorkflowEngine workflowEngine;

  void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    migrations.migrate();
    workflowEngine.start();
  }
}
