package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.notification.Notifications;
import eu.clinnova.workflow.review.ReviewTask;
import eu.clinnova.workflow.review.Reviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The review tasks of a steward, committee member or chair: how many, how many overdue, overdue
 * first then by due date, each leading to its application's review page; and their notifications.
 */
@Route(value = "review/tasks", layout = MainLayout.class)
@RolesAllowed({Role.Names.DATA_STEWARD, Role.Names.DAC_MEMBER})
public class TaskInboxView extends Main implements HasDynamicTitle {

  @Inject
  public TaskInboxView(Reviews reviews, ApplicationQueries queries, Notifications notifications) {
    setId("task-inbox");
    addClassName("portal-page");
    Caller caller = SignedInUser.current().orElseThrow();
    Instant now = Instant.now();
    List<ReviewTask> tasks =
        reviews.openTasks(caller).stream()
            .sorted(Comparator.comparing((ReviewTask task) -> !task.isOverdue(now)))
            .toList();
    long overdue = tasks.stream().filter(task -> task.isOverdue(now)).count();
    Paragraph counts = new Paragraph(getTranslation("tasks.counts", tasks.size(), overdue));
    counts.setId("task-counts");
    counts.getElement().setAttribute("role", "status");
    add(
        new H1(getTranslation("tasks.title")),
        new Paragraph(getTranslation("tasks.intro")),
        counts);
    UnorderedList list = new UnorderedList();
    list.setId("task-list");
    list.addClassName("portal-cards");
    // Filters over the open tasks already read: words of the title, jurisdiction, overdue only.
    com.vaadin.flow.component.textfield.TextField words =
        new com.vaadin.flow.component.textfield.TextField(getTranslation("listing.title"));
    words.setId("tasks-filter-title");
    words.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    com.vaadin.flow.component.select.Select<String> where =
        new com.vaadin.flow.component.select.Select<>();
    where.setLabel(getTranslation("listing.jurisdiction"));
    where.setId("tasks-filter-jurisdiction");
    List<String> codes =
        tasks.stream()
            .map(task -> task.jurisdiction().orElse(""))
            .filter(code -> !code.isEmpty())
            .distinct()
            .sorted()
            .toList();
    where.setItems(
        java.util.stream.Stream.concat(java.util.stream.Stream.of(""), codes.stream()).toList());
    where.setItemLabelGenerator(
        code ->
            code.isEmpty()
                ? getTranslation("listing.any")
                : ApplicationTexts.jurisdiction(this, code));
    where.setValue("");
    com.vaadin.flow.component.checkbox.Checkbox late =
        new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("tasks.onlyOverdue"));
    late.setId("tasks-filter-overdue");
    Runnable show =
        () -> {
          list.removeAll();
          String wanted = words.getValue().strip().toLowerCase(getLocale());
          for (ReviewTask task : tasks) {
            if ((!wanted.isEmpty()
                    && !task.applicationTitle().toLowerCase(getLocale()).contains(wanted))
                || (where.getValue() != null
                    && !where.getValue().isEmpty()
                    && !task.jurisdiction().orElse("").equals(where.getValue()))
                || (late.getValue() && !task.isOverdue(now))) {
              continue;
            }
            list.add(TaskCards.card(this, task, now));
          }
        };
    words.addValueChangeListener(event -> show.run());
    where.addValueChangeListener(event -> show.run());
    late.addValueChangeListener(event -> show.run());
    com.vaadin.flow.component.html.Div filters =
        new com.vaadin.flow.component.html.Div(words, where, late);
    filters.addClassName("portal-filters");
    add(filters);
    show.run();
    add(list);
    add(NotificationsPanel.of(this, notifications, caller));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("tasks.title") + " · " + getTranslation("app.name");
  }
}
