package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.workflow.review.ReviewTask;
import java.time.Instant;

/**
 * A review task as a card: what to do, for which jurisdiction and application (a link to its review
 * page), and when it is due, marked when overdue. The task inbox and the reviewers' home pages show
 * the same cards.
 */
public final class TaskCards {

  private TaskCards() {}

  public static ListItem card(Component in, ReviewTask task, Instant now) {
    ListItem card = new ListItem();
    card.addClassName("portal-card");
    card.setId("task-" + task.id());
    RouterLink link =
        new RouterLink(
            in.getTranslation("task." + task.key())
                + task.jurisdiction()
                    .map(code -> " (" + ApplicationTexts.jurisdiction(in, code) + ")")
                    .orElse("")
                + eu.clinnova.portal.ui.base.Punctuation.colon(in)
                + (task.applicationTitle().isBlank()
                    ? in.getTranslation("applications.untitled")
                    : task.applicationTitle()),
            ReviewView.class,
            task.applicationId().toString());
    Paragraph due =
        new Paragraph(
            task.due()
                .map(at -> in.getTranslation("tasks.due", ApplicationTexts.time(in, at)))
                .orElse(in.getTranslation("tasks.noDue")));
    if (task.isOverdue(now)) {
      Span badge = new Span(in.getTranslation("tasks.overdue"));
      badge.addClassName("portal-badge-overdue");
      due.add(new Span(" "), badge);
    }
    card.add(link, due);
    return card;
  }
}
