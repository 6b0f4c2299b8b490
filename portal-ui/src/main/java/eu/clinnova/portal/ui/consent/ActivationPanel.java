package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import eu.clinnova.consent.application.AccountActivation;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;

/**
 * For a patient whose account has no pseudonym yet: enter the one-time code from the hospital. Once
 * linked, the portal signs them in again (silently, through Keycloak) so the new token carries the
 * pseudonym.
 */
public class ActivationPanel extends Section {

  public ActivationPanel(Caller caller, AccountActivation activation) {
    this(caller, activation, false);
  }

  /**
   * @param guardianOnly for an account that already has its pseudonym: only a guardian's code for a
   *     child makes sense
   */
  public ActivationPanel(Caller caller, AccountActivation activation, boolean guardianOnly) {
    setId(guardianOnly ? "guardian-activation" : "activation");
    H2 heading =
        new H2(getTranslation(guardianOnly ? "activation.guardianHeading" : "activation.heading"));
    heading.setId(getId().orElseThrow() + "-heading");
    getElement().setAttribute("aria-labelledby", getId().orElseThrow() + "-heading");
    TextField code = new TextField(getTranslation("activation.code"));
    code.setId(guardianOnly ? "guardian-code" : "activation-code");
    code.setHelperText(getTranslation("activation.codeHelp"));
    code.setMaxLength(20);
    code.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
    Button activate = new Button(getTranslation("activation.button"));
    activate.setId(guardianOnly ? "add-child" : "activate");
    activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Paragraph result = new Paragraph();
    result.setId(guardianOnly ? "guardian-result" : "activation-result");
    result.getElement().setAttribute("role", "status");
    activate.addClickListener(
        event -> {
          try {
            AccountActivation.Activated activated = activation.activate(caller, code.getValue());
            code.setInvalid(false);
            if (activated.guardian()) {
              UI.getCurrent().navigate("ward/" + activated.psn());
              return;
            }
            result.setText(getTranslation("activation.done", activated.psn()));
            // A new login gives a token with the psn claim; Keycloak's session makes it silent.
            VaadinSession.getCurrent().getSession().invalidate();
            UI.getCurrent().getPage().reload();
          } catch (Refusal refusal) {
            code.setErrorMessage(
                switch (refusal.kind()) {
                  case INVALID -> getTranslation("activation.invalid");
                  case TOO_MANY_ATTEMPTS -> getTranslation("activation.tooMany");
                  default -> refusal.getMessage();
                });
            code.setInvalid(true);
          }
        });
    add(
        heading,
        new Paragraph(
            getTranslation(guardianOnly ? "activation.guardianIntro" : "activation.intro")),
        code,
        activate,
        result);
  }
}
