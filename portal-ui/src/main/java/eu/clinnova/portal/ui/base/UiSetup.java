package eu.clinnova.portal.ui.base;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Wires every UI: views are checked against their {@code @RolesAllowed} before they open (the
 * server decides, not the menu), the UI speaks the person's language, and the page's {@code lang}
 * attribute says which, for screen readers.
 */
@ApplicationScoped
public class UiSetup {

  void onServiceInit(@Observes ServiceInitEvent event) {
    // An expired session reloads the page (and so signs in again through Keycloak) instead
    // of showing a notice the person must dismiss first.
    event
        .getSource()
        .setSystemMessagesProvider(
            info -> {
              CustomizedSystemMessages messages = new CustomizedSystemMessages();
              messages.setSessionExpiredNotificationEnabled(false);
              return messages;
            });
    NavigationAccessControl accessControl = new NavigationAccessControl();
    event
        .getSource()
        .addUIInitListener(
            init -> {
              init.getUI().addBeforeEnterListener(accessControl);
              init.getUI()
                  .setLocale(
                      LanguagePreference.of(com.vaadin.flow.server.VaadinRequest.getCurrent()));
            });
    event.addIndexHtmlRequestListener(
        response ->
            response
                .getDocument()
                .getElementsByTag("html")
                .attr("lang", LanguagePreference.of(response.getVaadinRequest()).getLanguage()));
  }
}
