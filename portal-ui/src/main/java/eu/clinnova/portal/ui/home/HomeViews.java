package eu.clinnova.portal.ui.home;

import com.vaadin.flow.component.Component;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.admin.AgreementView;
import eu.clinnova.portal.ui.admin.CommitteesView;
import eu.clinnova.portal.ui.admin.ConsentFormsView;
import eu.clinnova.portal.ui.admin.DatasetsView;
import eu.clinnova.portal.ui.admin.MessagesView;
import eu.clinnova.portal.ui.admin.PoliciesView;
import eu.clinnova.portal.ui.admin.StaffView;
import eu.clinnova.portal.ui.applications.ApplicationsOverviewView;
import eu.clinnova.portal.ui.applications.ApplicationsView;
import eu.clinnova.portal.ui.applications.TaskInboxView;
import eu.clinnova.portal.ui.compliance.AuditLogView;
import eu.clinnova.portal.ui.compliance.LogVerificationView;
import eu.clinnova.portal.ui.compliance.ProcessingRegisterView;
import eu.clinnova.portal.ui.consent.CompliancePatientView;
import eu.clinnova.portal.ui.consent.ConsentHistoryView;
import eu.clinnova.portal.ui.consent.DisclosuresView;
import eu.clinnova.portal.ui.consent.StewardPatientsView;
import eu.clinnova.portal.ui.deadlines.DeadlinesView;
import eu.clinnova.portal.ui.releases.ReleasesView;
import eu.clinnova.portal.ui.research.CatalogueView;
import java.util.List;
import java.util.Optional;

/** Which home page each role opens, in the order the menu lists them. */
public final class HomeViews {

  /** A role's home page, the translation key of its menu entry, and the pages below it. */
  public record Home(
      Role role, Class<? extends Component> view, String navigationKey, List<Page> pages) {
    Home(Role role, Class<? extends Component> view, String navigationKey) {
      this(role, view, navigationKey, List.of());
    }
  }

  /** A page under a role's home in the menu. */
  public record Page(Class<? extends Component> view, String navigationKey) {}

  static final List<Home> ALL =
      List.of(
          new Home(
              Role.PATIENT,
              PatientHomeView.class,
              "nav.home.patient",
              List.of(
                  new Page(ConsentHistoryView.class, "nav.patient.history"),
                  new Page(DisclosuresView.class, "nav.patient.disclosures"))),
          new Home(
              Role.RESEARCHER,
              ResearcherHomeView.class,
              "nav.home.researcher",
              List.of(
                  new Page(ApplicationsView.class, "nav.research.applications"),
                  new Page(CatalogueView.class, "nav.research.catalogue"))),
          new Home(
              Role.DATA_STEWARD,
              StewardHomeView.class,
              "nav.home.steward",
              List.of(
                  new Page(TaskInboxView.class, "nav.review.tasks"),
                  new Page(ApplicationsOverviewView.class, "nav.review.applications"),
                  new Page(StewardPatientsView.class, "nav.steward.patients"))),
          new Home(
              Role.DAC_MEMBER,
              CommitteeHomeView.class,
              "nav.home.committee",
              List.of(
                  new Page(TaskInboxView.class, "nav.review.tasks"),
                  new Page(DeadlinesView.class, "nav.deadlines"),
                  new Page(ApplicationsOverviewView.class, "nav.review.applications"),
                  new Page(ReleasesView.class, "nav.releases"))),
          new Home(
              Role.COMPLIANCE_OFFICER,
              ComplianceHomeView.class,
              "nav.home.compliance",
              List.of(
                  new Page(AuditLogView.class, "nav.compliance.auditLog"),
                  new Page(CompliancePatientView.class, "nav.compliance.patients"),
                  new Page(ApplicationsOverviewView.class, "nav.review.applications"),
                  new Page(DeadlinesView.class, "nav.deadlines"),
                  new Page(ReleasesView.class, "nav.releases"),
                  new Page(LogVerificationView.class, "nav.compliance.verify"),
                  new Page(ProcessingRegisterView.class, "nav.compliance.register"),
                  new Page(PoliciesView.class, "nav.admin.policies"))),
          new Home(
              Role.ADMIN,
              AdminHomeView.class,
              "nav.home.admin",
              List.of(
                  new Page(DatasetsView.class, "nav.admin.datasets"),
                  new Page(ConsentFormsView.class, "nav.admin.forms"),
                  new Page(AgreementView.class, "nav.admin.agreement"),
                  new Page(PoliciesView.class, "nav.admin.policies"),
                  new Page(CommitteesView.class, "nav.admin.committees"),
                  new Page(DeadlinesView.class, "nav.deadlines"),
                  new Page(StaffView.class, "nav.admin.staff"),
                  new Page(MessagesView.class, "nav.admin.messages"),
                  new Page(ProcessingRegisterView.class, "nav.compliance.register"))));

  private HomeViews() {}

  public static List<Home> openTo(Caller caller) {
    return ALL.stream().filter(home -> caller.has(home.role())).toList();
  }

  public static Optional<Home> firstFor(Caller caller) {
    return openTo(caller).stream().findFirst();
  }
}
