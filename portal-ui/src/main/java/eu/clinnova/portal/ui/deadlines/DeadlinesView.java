package eu.clinnova.portal.ui.deadlines;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.review.Deadlines;
import eu.clinnova.workflow.review.OpenDeadline;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;

/**
 * The review's clocks for the people who watch them: each open step with its legal or configured
 * due date, overdue first; a chair extends a decision of their jurisdiction once, with a reason.
 */
@Route(value = "deadlines", layout = eu.clinnova.portal.ui.base.MainLayout.class)
@RolesAllowed({
  Role.Names.DAC_MEMBER,
  Role.Names.DAC_CHAIR,
  Role.Names.ADMIN,
  Role.Names.COMPLIANCE_OFFICER
})
public class DeadlinesView extends Main implements HasDynamicTitle {

  private final Deadlines deadlines;
  private final Caller caller;
  private final Paragraph status = new Paragraph();

  @Inject
  public DeadlinesView(Deadlines deadlines) {
    this.deadlines = deadlines;
    this.caller = SignedInUser.current().orElseThrow();
    setId("deadlines-page");
    addClassName("portal-page");
    status.setId("deadlines-status");
    status.getElement().setAttribute("role", "status");
    show();
  }

  private void show() {
    removeAll();
    add(
        new H1(getTranslation("deadlines.title")),
        new Paragraph(getTranslation("deadlines.intro")));
    List<OpenDeadline> open = deadlines.open(caller);
    long overdue = open.stream().filter(OpenDeadline::overdue).count();
    Paragraph counts =
        new Paragraph(
            getTranslation(
                "deadlines.counts", String.valueOf(open.size()), String.valueOf(overdue)));
    counts.setId("deadlines-counts");
    add(counts, status);
    if (open.isEmpty()) {
      return;
    }
    // Filters over the lines already read: jurisdiction, overdue only.
    Select<String> where = new Select<>();
    where.setLabel(getTranslation("listing.jurisdiction"));
    where.setId("deadlines-filter-jurisdiction");
    List<String> codes =
        open.stream()
            .map(deadline -> deadline.jurisdiction().orElse(""))
            .filter(code -> !code.isEmpty())
            .distinct()
            .sorted()
            .toList();
    where.setItems(Stream.concat(Stream.of(""), codes.stream()).toList());
    where.setItemLabelGenerator(
        code ->
            code.isEmpty()
                ? getTranslation("listing.any")
                : getTranslation("jurisdiction." + code));
    where.setValue("");
    Checkbox late = new Checkbox(getTranslation("tasks.onlyOverdue"));
    late.setId("deadlines-filter-overdue");
    UnorderedList list = new UnorderedList();
    list.setId("deadlines-list");
    list.addClassName("portal-cards");
    Runnable shown =
        () -> {
          list.removeAll();
          for (OpenDeadline deadline : open) {
            boolean elsewhere =
                where.getValue() != null
                    && !where.getValue().isEmpty()
                    && !deadline.jurisdiction().orElse("").equals(where.getValue());
            if (!elsewhere && (!late.getValue() || deadline.overdue())) {
              list.add(item(deadline));
            }
          }
        };
    where.addValueChangeListener(event -> shown.run());
    late.addValueChangeListener(event -> shown.run());
    shown.run();
    add(new Div(where, late), list);
  }

  private ListItem item(OpenDeadline deadline) {
    ListItem item = new ListItem();
    item.addClassName("portal-card");
    item.setId(
        "deadline-"
            + deadline.applicationId()
            + "-"
            + deadline.jurisdiction().orElse("all")
            + "-"
            + deadline.step());
    String title =
        deadline.applicationTitle().isBlank()
            ? getTranslation("deadlines.untitled")
            : deadline.applicationTitle();
    H2 heading = new H2();
    // Those who may open the review page get a link (administrators do not review).
    if (caller.hasAny(Role.DAC_MEMBER, Role.DAC_CHAIR, Role.COMPLIANCE_OFFICER)) {
      heading.add(new Anchor("review/application/" + deadline.applicationId(), title));
    } else {
      heading.setText(title);
    }
    item.add(heading);
    String where =
        deadline
            .jurisdiction()
            .map(code -> getTranslation("jurisdiction." + code))
            .orElse(getTranslation("deadlines.everyJurisdiction"));
    item.add(
        new Paragraph(getTranslation("deadlines.step." + deadline.step()) + " · " + where),
        new Paragraph(
            getTranslation("deadlines.due", NetworkTime.dateTime(deadline.due(), getLocale()))));
    if (deadline.overdue()) {
      Span badge = new Span(getTranslation("tasks.overdue"));
      badge.addClassName("portal-badge-overdue");
      item.add(badge);
    }
    if (deadline.extended()) {
      item.add(new Paragraph(getTranslation("deadlines.extended")));
    }
    boolean extendable =
        "decision".equals(deadline.step())
            && !deadline.extended()
            && !deadline.overdue()
            && deadline.jurisdiction().map(caller::actsFor).orElse(false)
            && caller.has(Role.DAC_CHAIR);
    if (extendable) {
      Button extend = new Button(getTranslation("deadlines.extend"), click -> extend(deadline));
      extend.setId(
          "deadline-extend-" + deadline.applicationId() + "-" + deadline.jurisdiction().get());
      extend.getElement().setAttribute("aria-label", getTranslation("deadlines.extendAria", title));
      item.add(extend);
    }
    return item;
  }

  private void extend(OpenDeadline deadline) {
    Dialog dialog = new Dialog();
    dialog.setId("deadline-dialog");
    H2 heading = new H2(getTranslation("deadlines.extendTitle"));
    heading.setId("deadline-dialog-title");
    dialog.getElement().setAttribute("aria-labelledby", "deadline-dialog-title");
    TextArea reason = new TextArea(getTranslation("deadlines.reason"));
    reason.setId("deadline-reason");
    reason.setHelperText(getTranslation("deadlines.reasonHelp"));
    reason.setMaxLength(Deadlines.REASON_MAX);
    reason.setWidthFull();
    Button save = new Button(getTranslation("deadlines.extendConfirm"));
    save.setId("deadline-extend-confirm");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        click -> {
          if (reason.getValue().isBlank()) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation("deadlines.reasonNeeded"));
            return;
          }
          try {
            deadlines.extend(
                caller,
                deadline.applicationId(),
                deadline.jurisdiction().orElseThrow(),
                reason.getValue());
            dialog.close();
            show();
            status.setText(getTranslation("deadlines.extendedDone"));
          } catch (Refusal refusal) {
            dialog.close();
            show();
            status.setText(refusal.getMessage());
          }
        });
    Button cancel = new Button(getTranslation("datasets.cancel"), click -> dialog.close());
    cancel.setId("deadline-cancel");
    dialog.add(heading, new Paragraph(getTranslation("deadlines.extendExplained")), reason);
    dialog.getFooter().add(cancel, save);
    dialog.open();
    reason.focus();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("deadlines.title") + " · " + getTranslation("app.name");
  }
}
