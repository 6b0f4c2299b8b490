package eu.clinnova.workflow.engine;

import java.util.List;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.DeploymentBuilder;

/** Deploys the BPMN files shipped in this module; unchanged files create no new version. */
public final class ProcessDeployer {

  static final String DEPLOYMENT_NAME = "clinnova-processes";

  private ProcessDeployer() {}

  public static void deploy(RepositoryService repository, List<String> classpathResources) {
    DeploymentBuilder builder =
        repository.createDeployment().name(DEPLOYMENT_NAME).enableDuplicateFiltering().tenantId("");
    ClassLoader loader = ProcessDeployer.class.getClassLoader();
    for (String resource : classpathResources) {
      var definition = loader.getResourceAsStream(resource);
      if (definition == null) {
        throw new IllegalStateException(
            "Process definition not found on the classpath: " + resource);
      }
      builder.addInputStream(resource, definition);
    }
    builder.deploy();
  }
}
