package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Home page of the researcher role. */
@Route(value = "researcher", layout = MainLayout.class)
@RolesAllowed(Role.Names.RESEARCHER)
public class ResearcherHomeView extends RoleHomeView {

  public ResearcherHomeView() {
    super("researcher");
  }
}
