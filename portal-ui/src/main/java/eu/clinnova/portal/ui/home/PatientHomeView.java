package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.portal.identity.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Home page of the patient role. */
@Route(value = "patient", layout = MainLayout.class)
@RolesAllowed(Role.Names.PATIENT)
public class PatientHomeView extends RoleHomeView {

  public PatientHomeView() {
    super("patient");
  }
}
