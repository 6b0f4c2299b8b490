package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Home page of compliance officers. */
@Route(value = "compliance", layout = MainLayout.class)
@RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
public class ComplianceHomeView extends RoleHomeView {

  public ComplianceHomeView() {
    super("compliance");
  }
}
