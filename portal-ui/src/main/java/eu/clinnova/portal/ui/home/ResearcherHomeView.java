package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.notification.Notifications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Home page of the researcher role. */
@Route(value = "researcher", layout = MainLayout.class)
@RolesAllowed(Role.Names.RESEARCHER)
public class ResearcherHomeView extends RoleHomeView {

  @Inject
  public ResearcherHomeView(ApplicationQueries queries, Notifications notifications) {
    super("researcher");
    Caller caller = SignedInUser.current().orElseThrow();
    addComponentAtIndex(2, new ResearcherWork(queries.own(caller), notifications.unread(caller)));
  }
}
