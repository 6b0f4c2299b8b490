package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.messages.delivery.Attempt;
import eu.clinnova.messages.delivery.DeliveryLog;
import eu.clinnova.messages.delivery.DeliveryView;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrator follows the portal's e-mails: how many are waiting, sent or given up, and the
 * newest ones with their state; opening one shows every attempt with the mail server's answer.
 */
@Route(value = "admin/messages", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class MessagesView extends Main implements HasDynamicTitle {

  static final int SHOWN = 200;
  static final List<String> STATES = List.of("pending", "sent", "gave-up");

  private final DeliveryLog log;
  private final Paragraph counts = new Paragraph();
  private final Grid<DeliveryView> grid = new Grid<>();

  @Inject
  public MessagesView(DeliveryLog log) {
    this.log = log;
    setId("admin-messages");
    addClassName("portal-page");
    add(new H1(getTranslation("messages.title")), new Paragraph(getTranslation("messages.intro")));
    counts.setId("messages-counts");
    Select<String> state = new Select<>();
    state.setId("messages-state");
    state.setLabel(getTranslation("messages.state"));
    state.setItems(List.of("", "pending", "sent", "gave-up"));
    state.setItemLabelGenerator(
        code -> code.isEmpty() ? getTranslation("messages.state.all") : state(code));
    state.setValue("");
    state.addValueChangeListener(change -> show(change.getValue()));

    grid.setId("messages-grid");
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
    grid.addColumn(delivery -> NetworkTime.dateTime(delivery.createdAt(), getLocale()))
        .setHeader(getTranslation("messages.created"))
        .setAutoWidth(true);
    grid.addColumn(DeliveryView::address).setHeader(getTranslation("messages.to"));
    grid.addColumn(DeliveryView::subject)
        .setHeader(getTranslation("messages.subject"))
        .setFlexGrow(3);
    grid.addColumn(delivery -> state(delivery.state()))
        .setHeader(getTranslation("messages.state"))
        .setAutoWidth(true);
    grid.addColumn(DeliveryView::attempts)
        .setHeader(getTranslation("messages.attempts"))
        .setAutoWidth(true);
    grid.addColumn(delivery -> delivery.lastError().orElse(""))
        .setHeader(getTranslation("messages.lastError"))
        .setFlexGrow(2);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(this::attempts));
    grid.setAllRowsVisible(true);
    add(counts, state, grid);
    show("");
  }

  private void show(String state) {
    Map<String, Long> byState = log.counts();
    counts.setText(
        getTranslation(
            "messages.counts",
            String.valueOf(byState.get("pending")),
            String.valueOf(byState.get("sent")),
            String.valueOf(byState.get("gave-up"))));
    grid.setItems(
        log.newest(
            state == null || state.isEmpty() ? Optional.empty() : Optional.of(state),
            Optional.empty(),
            SHOWN));
  }

  private Div attempts(DeliveryView delivery) {
    Div details = new Div();
    details.add(
        new Paragraph(
            getTranslation(
                "messages.detail", delivery.kind(), delivery.recipient(), delivery.language())));
    UnorderedList list = new UnorderedList();
    for (Attempt attempt : log.attempts(delivery.id())) {
      list.add(
          new ListItem(
              NetworkTime.dateTime(attempt.at(), getLocale())
                  + " · "
                  + getTranslation("messages.outcome." + attempt.outcome())
                  + attempt.error().map(error -> " · " + error).orElse("")));
    }
    if (delivery.state().equals("pending")) {
      list.add(
          new ListItem(
              getTranslation(
                  "messages.next", NetworkTime.dateTime(delivery.nextAttemptAt(), getLocale()))));
    }
    details.add(list);
    return details;
  }

  /** The kind in the words the portal uses for it in notifications, else its code. */
  private String kind(String code) {
    String words = getTranslation("application.notification." + code);
    return words.startsWith("!") ? code : words + " (" + code + ")";
  }

  private String state(String code) {
    return getTranslation("messages.state." + code);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("messages.title") + " · " + getTranslation("app.name");
  }
}
