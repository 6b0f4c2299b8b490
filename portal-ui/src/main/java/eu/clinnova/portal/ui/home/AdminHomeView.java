package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Home page of the admin role. */
@Route(value = "admin", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class AdminHomeView extends RoleHomeView {

  public AdminHomeView() {
    super("admin");
  }
}
