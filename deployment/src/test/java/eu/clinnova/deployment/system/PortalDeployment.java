package eu.clinnova.deployment.system;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every system test deploys: the very WAR the build produced, under the name the
 * server's OIDC configuration expects ({@code portal.war}).
 */
final class PortalDeployment {

  private PortalDeployment() {}

  static WebArchive war() {
    return ShrinkWrap.create(ZipImporter.class, "portal.war")
        .importFrom(new File(System.getProperty("clinnova.war")))
        .as(WebArchive.class);
  }
}
