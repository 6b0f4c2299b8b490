package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The applications a reviewer or compliance officer may see, filtered, each with where every
 * jurisdiction's review stands and what it decided: for a committee its decisions archive (the
 * applications stay here once voted on), for compliance officers every submitted application.
 */
@Route(value = "review/applications", layout = MainLayout.class)
@RolesAllowed({Role.Names.DATA_STEWARD, Role.Names.DAC_MEMBER, Role.Names.COMPLIANCE_OFFICER})
public class ApplicationsOverviewView extends Main implements HasDynamicTitle {

  /** Submitted applications only: drafts are their applicants' own. */
  static final List<ApplicationState> STATES =
      List.of(
          ApplicationState.SUBMITTED,
          ApplicationState.UNDER_REVIEW,
          ApplicationState.RETURNED,
          ApplicationState.APPROVED,
          ApplicationState.REJECTED,
          ApplicationState.WITHDRAWN,
          ApplicationState.LAPSED,
          ApplicationState.CLOSED);

  @Inject
  public ApplicationsOverviewView(ApplicationQueries queries, DatasetCatalogue catalogue) {
    setId("applications-overview");
    addClassName("portal-page");
    Caller caller = SignedInUser.current().orElseThrow();
    add(
        new H1(getTranslation("overview.title")),
        new Paragraph(
            getTranslation(
                caller.has(Role.COMPLIANCE_OFFICER)
                    ? "overview.intro.compliance"
                    : "overview.intro.committee")),
        new ApplicationListing(
            queries,
            caller,
            catalogue.entries(true),
            STATES,
            Optional.empty(),
            application -> ApplicationListing.link(this, application, false)));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("overview.title") + " · " + getTranslation("app.name");
  }
}
