package eu.clinnova.deployment.system;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.standalone.ServerDeploymentHelper;
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
    if (deployed) {
      try (ModelControllerClient client = client()) {
        new ServerDeploymentHelper(client).undeploy(NAME);
      }
      deployed = false;
    }
    ensure();
  }

  private static void deploy() throws Exception {
    Path war = Path.of(System.getProperty("clinnova.war"));
    try (ModelControllerClient client = client();
        InputStream content = Files.newInputStream(war)) {
      new ServerDeploymentHelper(client).deploy(NAME, content);
    }
  }

  private static ModelControllerClient client() throws Exception {
    return ModelControllerClient.Factory.create(
        "127.0.0.1", Integer.getInteger("clinnova.managementPort"));
  }
}
