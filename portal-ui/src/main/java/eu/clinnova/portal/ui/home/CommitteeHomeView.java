package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Home page of committee members (chairs are members too). */
@Route(value = "committee", layout = MainLayout.class)
@RolesAllowed(Role.Names.DAC_MEMBER)
public class CommitteeHomeView extends RoleHomeView {

  public CommitteeHomeView() {
    super("committee");
  }
}
