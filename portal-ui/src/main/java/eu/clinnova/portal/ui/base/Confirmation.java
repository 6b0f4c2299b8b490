package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;

/**
 * A modal question with one confirming and one cancelling button (a plain Dialog: the free
 * components only). Focus starts on cancel, so a stray Enter changes nothing.
 */
public final class Confirmation {

  private Confirmation() {}

  public static Dialog open(
      String title,
      Component body,
      String confirmText,
      boolean dangerous,
      String cancelText,
      Runnable onConfirm) {
    Dialog dialog = new Dialog();
    dialog.setId("confirmation");
    H2 heading = new H2(title);
    heading.setId("confirmation-title");
    heading.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin-top", "0");
    dialog.getElement().setAttribute("aria-labelledby", "confirmation-title");
    dialog.add(heading, body);
    Button confirm = new Button(confirmText);
    confirm.setId("confirm");
    confirm.addThemeVariants(
        dangerous ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY,
        ButtonVariant.LUMO_PRIMARY);
    confirm.addClickListener(
        event -> {
          dialog.close();
          onConfirm.run();
        });
    Button cancel = new Button(cancelText, event -> dialog.close());
    cancel.setId("cancel");
    dialog.getFooter().add(cancel, confirm);
    dialog.open();
    cancel.focus();
    return dialog;
  }
}
