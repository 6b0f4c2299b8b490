package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Home page of data stewards. */
@Route(value = "steward", layout = MainLayout.class)
@RolesAllowed(Role.Names.DATA_STEWARD)
public class StewardHomeView extends RoleHomeView {

  public StewardHomeView() {
    super("steward");
  }
}
