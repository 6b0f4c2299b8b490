package eu.clinnova.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layering and the module boundaries honest (docs/architecture.md). */
@AnalyzeClasses(packages = "eu.clinnova", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule theApiDoesNotUseTheUi =
      noClasses()
          .that()
          .resideInAPackage("eu.clinnova.portal.api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("eu.clinnova.portal.ui..");

  @ArchTest
  static final ArchRule identityIsFreeOfUiAndApi =
      noClasses()
          .that()
          .resideInAPackage("eu.clinnova.portal.identity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "eu.clinnova.portal.ui..",
              "eu.clinnova.portal.api..",
              "com.vaadin..",
              "jakarta.ws.rs..");

  @ArchTest
  static final ArchRule boundedContextsDoNotKnowThePortal =
      noClasses()
          .that()
          .resideInAnyPackage(
              "eu.clinnova.audit..",
              "eu.clinnova.kernel..",
              "eu.clinnova.messages..",
              "eu.clinnova.consent..",
              "eu.clinnova.workflow..",
              "eu.clinnova.release..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("eu.clinnova.portal..");

  /**
   * Messages serve every context and know none: the directory of people and the mail session are
   * given to them (ADR 0024).
   */
  @ArchTest
  static final ArchRule messagesKnowNoContext =
      noClasses()
          .that()
          .resideInAPackage("eu.clinnova.messages..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "eu.clinnova.audit..",
              "eu.clinnova.consent..",
              "eu.clinnova.workflow..",
              "eu.clinnova.release..");

  @ArchTest
  static final ArchRule theWorkflowDoesNotReachIntoConsentInternals =
      noClasses()
          .that()
          .resideInAPackage("eu.clinnova.workflow..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("eu.clinnova.consent..infrastructure..");

  /** The shared kernel is plain Java that every context can use: it depends on nothing else. */
  @ArchTest
  static final ArchRule theKernelDependsOnlyOnTheJdk =
      classes()
          .that()
          .resideInAPackage("eu.clinnova.kernel..")
          .and()
          .resideOutsideOfPackage("eu.clinnova.kernel.json..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("eu.clinnova.kernel..", "java..");

  /** The kernel's one concession: the JSON-P provider, looked up once for everybody. */
  @ArchTest
  static final ArchRule theKernelsJsonHolderUsesOnlyJsonP =
      classes()
          .that()
          .resideInAPackage("eu.clinnova.kernel.json..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("eu.clinnova.kernel..", "java..", "jakarta.json..");

  /** Nobody looks the JSON-P provider up again (it searches the class path on every call). */
  @ArchTest
  static final ArchRule theJsonProviderIsLookedUpOnce =
      noClasses()
          .that()
          .resideOutsideOfPackage("eu.clinnova.kernel.json..")
          .should()
          .callMethod(jakarta.json.spi.JsonProvider.class, "provider")
          .orShould()
          .callMethod(jakarta.json.Json.class, "createObjectBuilder")
          .orShould()
          .callMethod(jakarta.json.Json.class, "createArrayBuilder")
          .orShould()
          .callMethod(jakarta.json.Json.class, "createReader", java.io.Reader.class)
          .orShould()
          .callMethod(jakarta.json.Json.class, "createReader", java.io.InputStream.class)
          .orShould()
          .callMethod(jakarta.json.Json.class, "createValue", String.class);

  /** The audit log is generic: it knows no role, jurisdiction or context of the portal. */
  @ArchTest
  static final ArchRule theAuditLogKnowsNoContext =
      noClasses()
          .that()
          .resideInAPackage("eu.clinnova.audit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "eu.clinnova.kernel..",
              "eu.clinnova.consent..",
              "eu.clinnova.workflow..",
              "eu.clinnova.release..");

  /** audit ← consent-registry ← workflow ← release-gate: nothing points back up the chain. */
  @ArchTest
  static final ArchRule theContextsDependOneWay =
      noClasses()
          .that()
          .resideInAnyPackage("eu.clinnova.consent..", "eu.clinnova.workflow..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("eu.clinnova.release..");

  @ArchTest
  static final ArchRule theConsentRegistryDoesNotKnowTheWorkflow =
      noClasses()
          .that()
          .resideInAPackage("eu.clinnova.consent..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("eu.clinnova.workflow..");

  /** Every package of the portal, each its own slice: none depends on itself through others. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("eu.clinnova.(**)").should().beFreeOfCycles();

  /** The UI and the API call the contexts' services; a store is the service's business. */
  @ArchTest
  static final ArchRule noStoreIsUsedFromTheUiOrTheApi =
      noClasses()
          .that()
          .resideInAnyPackage("eu.clinnova.portal.ui..", "eu.clinnova.portal.api..")
          .should()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("Store");

  /** The rules themselves: plain Java, testable without a server, a database or a screen. */
  @ArchTest
  static final ArchRule domainPackagesAreFreeOfFrameworks =
      noClasses()
          .that()
          .resideInAnyPackage(
              "eu.clinnova.kernel..",
              "eu.clinnova.consent.domain..",
              "eu.clinnova.consent.registry..",
              "eu.clinnova.workflow.duo..",
              "eu.clinnova.audit.canonical..",
              "eu.clinnova.audit.merkle..",
              "eu.clinnova.audit.note..",
              "eu.clinnova.audit.subjects..",
              "eu.clinnova.audit.compliance..")
          .and()
          .resideOutsideOfPackage("eu.clinnova.kernel.json..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta..", "com.vaadin..", "java.sql..", "javax.sql..", "org.flowable..");
}
