package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.AccountActivation;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.ConsentRecording;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.portal.ui.consent.ActivationPanel;
import eu.clinnova.portal.ui.consent.ConsentDashboard;
import eu.clinnova.portal.ui.consent.WardsPanel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Home page of the patient role: their consent dashboard, or, while their account is not linked to
 * a pseudonym, the activation with the code from their hospital.
 */
@Route(value = "patient", layout = MainLayout.class)
@RolesAllowed(Role.Names.PATIENT)
public class PatientHomeView extends RoleHomeView {

  @Inject
  public PatientHomeView(
      ConsentQueries queries,
      ConsentRecording recording,
      ConsentForms forms,
      AccountActivation activation) {
    super("patient");
    Caller caller = SignedInUser.current().orElseThrow();
    List<String> wards = activation.wards(caller);
    int at = 2;
    if (!wards.isEmpty()) {
      addComponentAtIndex(at++, new WardsPanel(wards));
    }
    if (caller.psn().isEmpty()) {
      addComponentAtIndex(at, new ActivationPanel(caller, activation));
    } else {
      addComponentAtIndex(
          at++, new ConsentDashboard(caller, caller.psn().get(), queries, recording, forms));
      // A patient may also be a parent: their child's guardian code goes here.
      addComponentAtIndex(at, new ActivationPanel(caller, activation, true));
    }
  }
}
