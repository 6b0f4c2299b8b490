package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.review.Reviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Home page of committee members (chairs are members too). */
@Route(value = "committee", layout = MainLayout.class)
@RolesAllowed(Role.Names.DAC_MEMBER)
public class CommitteeHomeView extends RoleHomeView {

  @Inject
  public CommitteeHomeView(Reviews reviews) {
    super("committee");
    addComponentAtIndex(
        2, new ReviewerWork(reviews.openTasks(SignedInUser.current().orElseThrow())));
  }
}
