package eu.clinnova.portal.ui.home;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.portal.ui.applications.TaskCards;
import eu.clinnova.portal.ui.applications.TaskInboxView;
import eu.clinnova.workflow.review.ReviewTask;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A steward's or committee member's work on their home page: how many review tasks are open and
 * overdue, the first few (overdue first, then by due date), and the way to all of them.
 */
final class ReviewerWork extends Section {

  /** The tasks a home page shows; the inbox shows them all. */
  static final int SHOWN = 5;

  ReviewerWork(List<ReviewTask> open) {
    setId("home-work");
    Instant now = Instant.now();
    H2 heading = new H2(getTranslation("home.tasks.heading"));
    heading.setId("home-tasks-heading");
    long overdue = open.stream().filter(task -> task.isOverdue(now)).count();
    Paragraph counts =
        new Paragraph(
            open.isEmpty()
                ? getTranslation("home.tasks.none")
                : getTranslation("tasks.counts", open.size(), overdue));
    counts.setId("home-task-counts");
    add(heading, counts);
    if (!open.isEmpty()) {
      UnorderedList list = new UnorderedList();
      list.setId("home-tasks");
      list.addClassName("portal-cards");
      open.stream()
          .sorted(
              Comparator.comparing((ReviewTask task) -> !task.isOverdue(now))
                  .thenComparing(task -> task.due().orElse(Instant.MAX)))
          .limit(SHOWN)
          .forEach(task -> list.add(TaskCards.card(this, task, now)));
      add(list);
    }
    RouterLink all = new RouterLink(getTranslation("home.tasks.all"), TaskInboxView.class);
    all.setId("home-all-tasks");
    add(new Paragraph(all));
  }
}
