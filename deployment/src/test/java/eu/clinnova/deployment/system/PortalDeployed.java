package eu.clinnova.deployment.system;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.OperationBuilder;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The portal, deployed into the system tests' WildFly once for the whole run. Arquillian starts and
 * stops the managed server for the suite (its extension comes first on every class); this extension
 * then deploys the very WAR the build produced ({@code portal.war}, the name the server's OIDC
 * configuration expects) through the management API, the first time a class needs it. Deploying it
 * again for each of the forty classes cost about 14 s each (a 96 MB archive zipped again, sent and
 * scanned), a third of the suite; the tests share the database anyway, and none relies on a fresh
 * start except the audit log's restart test, which asks for one ({@link #redeploy}).
 */
public class PortalDeployed implements BeforeAllCallback {

  private static final String NAME = "portal.war";
  private static boolean deployed;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    ensure();
  }

  /** Deploys the portal unless this run has already. */
  static synchronized void ensure() throws Exception {
    if (!deployed) {
      deploy();
      deployed = true;
    }
  }

  /** The portal stopped and started again, as a restart of the server would (AuditLogIT). */
  static synchronized void redeploy() throws Exception {
    deployed = false;
    ensure();
  }

  /**
   * Deploys it, not persistently: the server's configuration file does not keep it (the refusal
   * test copies that file to a server of its own, which deploys the portal itself). A deployment
   * already there (this run's, or one an interrupted run left in the configuration) is removed
   * first.
   */
  private static void deploy() throws Exception {
    Path war = Path.of(System.getProperty("clinnova.war"));
    ModelNode address = Operations.createAddress("deployment", NAME);
    ModelNode add = Operations.createAddOperation(address);
    add.get("enabled").set(true);
    add.get("persistent").set(false);
    add.get("content").add().get("input-stream-index").set(0);
    try (ModelControllerClient client = client();
        InputStream content = Files.newInputStream(war)) {
      boolean present =
          Operations.isSuccessfulOutcome(
              client.execute(Operations.createReadResourceOperation(address)));
      if (present) {
        succeed(
            client.execute(
                Operations.CompositeOperationBuilder.create()
                    .addStep(Operations.createOperation("undeploy", address))
                    .addStep(Operations.createRemoveOperation(address))
                    .build()));
      }
      succeed(client.execute(new OperationBuilder(add).addInputStream(content).build()));
    }
  }

  private static void succeed(ModelNode result) {
    if (!Operations.isSuccessfulOutcome(result)) {
      throw new IllegalStateException(
          "WildFly refused: " + Operations.getFailureDescription(result).asString());
    }
  }

  private static ModelControllerClient client() throws Exception {
    return ModelControllerClient.Factory.create(
        "127.0.0.1", Integer.getInteger("clinnova.managementPort"));
  }
}
