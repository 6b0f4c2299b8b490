package eu.clinnova.portal.ui.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.PatientImport;
import eu.clinnova.consent.registry.ImportJob;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.attention.LapsedEthics;
import eu.clinnova.workflow.attention.NetworkAttention;
import eu.clinnova.workflow.attention.QuietDataset;
import eu.clinnova.workflow.review.ReviewTask;
import eu.clinnova.workflow.review.Reviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Home page of the admin role: first what needs attention across the network (review steps past
 * their due date, bulk enrolments that failed this month, ethics approvals that ran out under
 * access still in force, datasets in use whose node has gone quiet), each in words with where to
 * act; then who the server thinks the administrator is.
 */
@Route(value = "admin", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class AdminHomeView extends RoleHomeView {

  /** Failed jobs older than this are history, not news. */
  static final Duration FAILED_JOBS = Duration.ofDays(30);

  private static final int SHOWN = 10;

  @Inject
  public AdminHomeView(
      Reviews reviews, NetworkAttention attention, PatientImport imports, Clock clock) {
    super("admin");
    Caller caller = SignedInUser.current().orElseThrow();
    Section section =
        Sections.labelled("attention", getTranslation("attention.heading"), "portal-form");
    List<ReviewTask> overdue = reviews.overdue(caller, NetworkAttention.LIMIT);
    List<ImportJob> failed = imports.failedSince(caller, clock.instant().minus(FAILED_JOBS));
    List<LapsedEthics> lapsed = attention.lapsedEthics(caller);
    List<QuietDataset> quiet = attention.quietDatasets(caller);
    if (overdue.isEmpty() && failed.isEmpty() && lapsed.isEmpty() && quiet.isEmpty()) {
      Paragraph calm = new Paragraph(getTranslation("attention.nothing"));
      calm.setId("attention-nothing");
      section.add(calm);
    }
    section.add(
        group("attention-overdue", "attention.overdue", overdue, this::overdueStep),
        group("attention-failed-jobs", "attention.failedJobs", failed, this::failedJob),
        group("attention-lapsed-ethics", "attention.lapsedEthics", lapsed, this::lapsedEthics),
        group("attention-quiet-datasets", "attention.quietDatasets", quiet, this::quietDataset));
    // Right under the introduction: what to do comes before who one is.
    addComponentAtIndex(2, section);
  }

  private <T> Component group(
      String id, String key, List<T> items, Function<T, Component> describe) {
    Section group = new Section();
    group.setId(id);
    H3 heading = new H3(getTranslation(key, items.size()));
    heading.setId(id + "-heading");
    group.getElement().setAttribute("aria-labelledby", id + "-heading");
    group.add(heading);
    group.setVisible(!items.isEmpty());
    UnorderedList list = new UnorderedList();
    list.addClassName("portal-cards");
    items.stream()
        .limit(SHOWN)
        .forEach(
            item -> {
              ListItem entry = new ListItem(describe.apply(item));
              entry.addClassName("portal-card");
              list.add(entry);
            });
    group.add(list);
    if (items.size() > SHOWN) {
      group.add(new Paragraph(getTranslation("attention.more", items.size() - SHOWN)));
    }
    return group;
  }

  private Component overdueStep(ReviewTask task) {
    return new Paragraph(
        getTranslation(
            "attention.overdueStep",
            task.applicationTitle().isBlank() ? task.applicationId() : task.applicationTitle(),
            getTranslation("task." + task.key()),
            task.jurisdiction().map(code -> getTranslation("jurisdiction." + code)).orElse("—"),
            task.due().map(due -> NetworkTime.dateTime(due, getLocale())).orElse("—")));
  }

  private Component failedJob(ImportJob job) {
    return new Paragraph(
        getTranslation(
            "attention.failedJob",
            String.join(", ", job.jurisdictions()),
            job.finishedAt().map(at -> NetworkTime.dateTime(at, getLocale())).orElse("—"),
            job.done(),
            job.total(),
            job.failure().orElse("")));
  }

  private Component lapsedEthics(LapsedEthics lapsed) {
    return new Paragraph(
        getTranslation(
            "attention.lapsedApproval",
            lapsed.title(),
            getTranslation("jurisdiction." + lapsed.jurisdiction()),
            lapsed.reference(),
            NetworkTime.date(lapsed.validUntil(), getLocale()),
            lapsed.entitlements()));
  }

  private Component quietDataset(QuietDataset dataset) {
    // The link stands on its own line: a link inside running text needs more than colour.
    Anchor title = new Anchor("admin/dataset/" + dataset.datasetId(), dataset.title());
    Paragraph text =
        new Paragraph(
            getTranslation("jurisdiction." + dataset.jurisdiction())
                + " · "
                + dataset
                    .lastRelease()
                    .map(
                        at ->
                            getTranslation(
                                "attention.lastRelease",
                                NetworkTime.dateTime(at, getLocale()),
                                dataset.entitlements()))
                    .orElse(getTranslation("attention.neverReleased", dataset.entitlements())));
    return new com.vaadin.flow.component.html.Div(title, text);
  }
}
