package eu.clinnova.portal.startup;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.audit.service.AuditLogSettings;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.ImportRunner;
import eu.clinnova.consent.application.PatientEnrolment;
import eu.clinnova.consent.application.PolicyHistory;
import eu.clinnova.consent.application.StaffRecords;
import eu.clinnova.portal.config.PortalEnvironment;
import eu.clinnova.portal.config.ProductionReadiness;
import eu.clinnova.portal.config.Settings;
import eu.clinnova.portal.database.DatabaseMigrations;
import eu.clinnova.release.ReleaseSigning;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import eu.clinnova.workflow.engine.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Brings the portal up in a fixed order: the schema as its owner first, then the workflow engine on
 * the application's role. A failure here fails the deployment, so a portal that answers requests
 * always has its schema.
 */
@ApplicationScoped
public class PortalStartup {

  @Inject DatabaseMigrations migrations;
  @Inject WorkflowEngine workflowEngine;
  @Inject AuditLogService auditLog;
  @Inject PatientEnrolment enrolment;
  @Inject ConsentForms consentForms;
  @Inject StaffRecords recording;
  @Inject DatasetCatalogue catalogue;
  @Inject EntitlementWatch entitlementWatch;
  @Inject DisclosureIndexUpkeep disclosureIndexUpkeep;
  @Inject StateCopyUpkeep stateCopyUpkeep;
  @Inject MailSender mailSender;
  @Inject AbandonedDecisionWatch abandonedDecisionWatch;
  @Inject ReleaseSigning releaseSigning;
  @Inject ImportRunner imports;
  @Inject PolicyHistory policies;

  void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    // Before anything is touched: outside development, no secret may be missing or be the
    // development value committed in the repository (the deployment fails, naming them).
    ProductionReadiness.check(PortalEnvironment.current());
    migrations.migrate();
    try {
      auditLog.start(auditLogSettings());
    } catch (IOException e) {
      throw new UncheckedIOException("The audit log's signing key cannot be read", e);
    }
    workflowEngine.start();
    // Starting the portal is itself a security-relevant event (IHE BALP logs it too).
    auditLog.recordDurably(
        new AuditEvent(
            AuditEvent.Actor.system(),
            "portal.started",
            new AuditEvent.Subject(
                "portal", Settings.value("CLINNOVA_AUDIT_ORIGIN", DEFAULT_ORIGIN)),
            Map.of()));
    // The policies this start runs, kept once per version: what was in force when.
    policies.recordBundled();
    if (Boolean.parseBoolean(Settings.value("CLINNOVA_SEED_FORMS", "true"))) {
      // One plain-language form per jurisdiction (EN/FR/DE), published once as version 1.
      consentForms.publishSeedForms();
    }
    if (Boolean.parseBoolean(Settings.value("CLINNOVA_SEED_CATALOGUE", "true"))) {
      // Two datasets per node, published once; administrators add their own.
      catalogue.publishSeedCatalogue();
    }
    // The release gate's token keys: created on first start, rotated when due (ADR 0011).
    releaseSigning.open(
        Path.of(
            Settings.value(
                "CLINNOVA_RELEASE_KEYS_FILE",
                Path.of(dataDirectory(), "clinnova", "release-keys.jwks").toString())),
        Duration.ofDays(
            Long.parseLong(Settings.value("CLINNOVA_RELEASE_KEY_ROTATION_DAYS", "90"))));
    entitlementWatch.start();
    disclosureIndexUpkeep.start();
    abandonedDecisionWatch.start();
    stateCopyUpkeep.start();
    // E-mail: letters posted with their changes, sent with retries (ADR 0024).
    mailSender.start();
    // Bulk enrolments a restart interrupted go on from the last chunk they committed.
    imports.resumeUnfinished();
    if (Boolean.parseBoolean(Settings.value("CLINNOVA_DEMO_DATA", "false"))) {
      // The development realm's demo patients, enrolled once (later starts find them).
      PatientEnrolment.DEMO_PATIENTS.forEach(enrolment::enrolAsPortal);
      // FR rests on non-opposition: the demo patient there has been informed.
      recording.informForDemo("FR-0001", "fr-research-information");
    }
  }

  static final String DEFAULT_ORIGIN = "localhost/clinnova-audit-log";

  /**
   * The log's name and signing key. The default key file lives in the server's data folder, outside
   * the repository; a development server creates it on first start.
   */
  /** The server's data folder, outside the repository. */
  static String dataDirectory() {
    return System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
  }

  static AuditLogSettings auditLogSettings() {
    String dataDir = dataDirectory();
    return new AuditLogSettings(
        Settings.value("CLINNOVA_AUDIT_ORIGIN", DEFAULT_ORIGIN),
        Path.of(
            Settings.value(
                "CLINNOVA_AUDIT_KEY_FILE",
                Path.of(dataDir, "clinnova", "audit-log.key").toString())));
  }
}
