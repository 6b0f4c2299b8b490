package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.review.Reviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Home page of data stewards. */
@Route(value = "steward", layout = MainLayout.class)
@RolesAllowed(Role.Names.DATA_STEWARD)
public class StewardHomeView extends RoleHomeView {

  @Inject
  public StewardHomeView(Reviews reviews) {
    super("steward");
    addComponentAtIndex(
        2, new ReviewerWork(reviews.openTasks(SignedInUser.current().orElseThrow())));
  }
}
