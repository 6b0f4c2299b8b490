package eu.clinnova.portal.api.workflow;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;

/**
 * {@code GET /api/v1/workflow/process-definitions}: every deployed version of every process, so
 * that an auditor can tell which version of the review process decided an application.
 */
@Path("v1/workflow/process-definitions")
@RequestScoped
@RolesAllowed({Role.Names.ADMIN, Role.Names.COMPLIANCE_OFFICER})
public class ProcessDefinitionResource {

  @Inject RepositoryService repository;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray list() {
    JsonArrayBuilder definitions = JSON.createArrayBuilder();
    for (ProcessDefinition definition :
        repository
            .createProcessDefinitionQuery()
            .orderByProcessDefinitionKey()
            .asc()
            .orderByProcessDefinitionVersion()
            .asc()
            .list()) {
      definitions.add(
          JSON.createObjectBuilder()
              .add("key", definition.getKey())
              .add("name", definition.getName() == null ? "" : definition.getName())
              .add("version", definition.getVersion())
              .add("deploymentId", definition.getDeploymentId())
              .add("resource", definition.getResourceName()));
    }
    return definitions.build();
  }
}
