package eu.clinnova.portal.ui.releases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.release.Release;
import eu.clinnova.release.ReleaseQueries;
import eu.clinnova.release.ReleaseStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The gate's decisions by node, project, dataset and time: how many subjects were asked for and
 * permitted, the decision and its reasons, and (for compliance officers) the audit entry with its
 * proof. Committee members see the releases of their jurisdiction's datasets, that is those made
 * under the applications they reviewed.
 */
@Route(value = "releases", layout = MainLayout.class)
@RolesAllowed({Role.Names.COMPLIANCE_OFFICER, Role.Names.DAC_MEMBER})
public class ReleasesView extends Main
    implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

  static final int PAGE = 50;
  static final List<String> NODES = List.of("node-lu", "node-fr", "node-de", "node-ch");

  private final ReleaseQueries queries;
  private final Caller caller;
  private final Select<String> node = new Select<>();
  private final TextField dataset = new TextField();
  private final TextField application = new TextField();
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final Grid<Release> grid = new Grid<>();
  private final Paragraph status = new Paragraph();
  private final Button older = new Button();
  private final List<Release> shown = new ArrayList<>();
  private final Anchor csv = new Anchor();

  /** Each dataset's title (retired ones too: a release may name one). */
  private final java.util.Map<String, String> titles = new java.util.HashMap<>();

  @Inject
  public ReleasesView(
      ReleaseQueries queries, eu.clinnova.workflow.catalogue.DatasetCatalogue catalogue) {
    this.queries = queries;
    catalogue
        .entries(true)
        .forEach(entry -> titles.put(entry.dataset().id(), entry.dataset().title()));
    this.caller = SignedInUser.current().orElseThrow();
    setId("releases");
    addClassName("portal-page");
    add(
        new H1(getTranslation("releases.title")),
        new Paragraph(
            getTranslation(
                caller.has(Role.COMPLIANCE_OFFICER)
                    ? "releases.intro.compliance"
                    : "releases.intro.committee")),
        filters(),
        results());
    search(true);
  }

  /** {@code ?application=<id>}: the review page links the releases under an application. */
  @Override
  public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
    List<String> asked =
        event.getLocation().getQueryParameters().getParameters().get("application");
    if (asked != null && !asked.isEmpty() && !asked.get(0).isBlank()) {
      application.setValue(asked.get(0));
      search(true);
    }
  }

  private Section filters() {
    node.setLabel(getTranslation("releases.filter.node"));
    node.setItems(NODES);
    node.setEmptySelectionAllowed(true);
    node.setEmptySelectionCaption(getTranslation("releases.filter.any"));
    node.setItemLabelGenerator(item -> item == null ? getTranslation("releases.filter.any") : item);
    node.setId("filter-node");
    dataset.setLabel(getTranslation("releases.filter.dataset"));
    dataset.setId("filter-dataset");
    application.setLabel(getTranslation("releases.filter.application"));
    application.setId("filter-application");
    eu.clinnova.portal.ui.base.DatePickers.localised(from, this);
    eu.clinnova.portal.ui.base.DatePickers.localised(to, this);
    from.setLabel(getTranslation("releases.filter.from"));
    to.setLabel(getTranslation("releases.filter.to"));
    from.setHelperText(getTranslation("releases.filter.utc"));
    from.setId("filter-from");
    to.setId("filter-to");
    FormLayout form = new FormLayout(node, dataset, application, from, to);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("40em", 2),
        new FormLayout.ResponsiveStep("70em", 3));
    Button searchButton = new Button(getTranslation("releases.search"), click -> search(true));
    searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    searchButton.setId("search");
    H2 heading = new H2(getTranslation("releases.filter.heading"));
    heading.setId("release-filters-heading");
    Section section = new Section(heading, form, searchButton);
    section.getElement().setAttribute("aria-labelledby", "release-filters-heading");
    return section;
  }

  private Section results() {
    grid.addColumn(
            release ->
                eu.clinnova.portal.ui.base.NetworkTime.dateTime(release.decidedAt(), getLocale()))
        .setHeader(getTranslation("releases.column.when"))
        .setAutoWidth(true);
    grid.addColumn(Release::node)
        .setHeader(getTranslation("releases.column.node"))
        .setAutoWidth(true);
    // The dataset by its title, with its id for whoever compares with a node's logs.
    grid.addColumn(
            release ->
                titles.containsKey(release.datasetId())
                    ? titles.get(release.datasetId()) + " (" + release.datasetId() + ")"
                    : release.datasetId())
        .setHeader(getTranslation("releases.column.dataset"))
        .setAutoWidth(true);
    grid.addColumn(release -> release.applicationId().toString().substring(0, 8))
        .setHeader(getTranslation("releases.column.application"))
        .setTooltipGenerator(release -> release.applicationId().toString())
        .setAutoWidth(true);
    grid.addComponentColumn(this::decision)
        .setHeader(getTranslation("releases.column.decision"))
        .setAutoWidth(true);
    grid.addColumn(
            release -> getTranslation("releases.counts", release.permitted(), release.requested()))
        .setHeader(getTranslation("releases.column.subjects"))
        .setAutoWidth(true);
    grid.addColumn(this::reasons)
        .setHeader(getTranslation("releases.column.reasons"))
        .setFlexGrow(2);
    grid.addComponentColumn(this::auditLink)
        .setHeader(getTranslation("releases.column.audit"))
        .setAutoWidth(true);
    grid.setId("releases-grid");
    // Reasons are sentences: wrap them rather than cut them.
    grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setAriaLabel(getTranslation("releases.results"));
    grid.setAllRowsVisible(true);
    status.setId("releases-status");
    status.getElement().setAttribute("role", "status");
    older.setText(getTranslation("releases.older"));
    older.setId("older");
    older.addClickListener(click -> search(false));
    H2 heading = new H2(getTranslation("releases.results"));
    heading.setId("release-results-heading");
    csv.setText(getTranslation("releases.export.csv"));
    csv.setId("releases-csv");
    csv.getElement().setAttribute("download", true);
    Section section = new Section(heading, status, grid, older, csv);
    section.getElement().setAttribute("aria-labelledby", "release-results-heading");
    return section;
  }

  private Span decision(Release release) {
    Span badge = new Span(getTranslation("releases.decision." + release.decision().code()));
    badge.getElement().getThemeList().add("badge");
    badge
        .getElement()
        .getThemeList()
        .add(
            switch (release.decision()) {
              case PERMIT -> "success";
              case PARTIAL -> "contrast";
              case DENY -> "error";
            });
    return badge;
  }

  private String reasons(Release release) {
    if (!release.reasons().isEmpty()) {
      return release.reasons().stream()
          .map(code -> getTranslation("releases.reason." + code))
          .collect(Collectors.joining("; "));
    }
    return release.denials().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .map(
            entry ->
                getTranslation("releases.reason." + entry.getKey())
                    + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                    + entry.getValue())
        .collect(Collectors.joining("; "));
  }

  private com.vaadin.flow.component.Component auditLink(Release release) {
    String index = String.valueOf(release.auditIndex());
    if (!caller.has(Role.COMPLIANCE_OFFICER)) {
      return new Span(index);
    }
    Anchor link = new Anchor("compliance/audit-log?subject=" + release.id(), index);
    link.getElement()
        // The index as shown (no grouping): a speech-input user says what they see (WCAG 2.5.3).
        .setAttribute("aria-label", getTranslation("releases.auditLink", index));
    return link;
  }

  private void search(boolean fresh) {
    if (fresh) {
      shown.clear();
    }
    Optional<UUID> applicationId = Optional.empty();
    application.setInvalid(false);
    if (!application.getValue().isBlank()) {
      try {
        applicationId = Optional.of(UUID.fromString(application.getValue().strip()));
      } catch (IllegalArgumentException e) {
        application.setInvalid(true);
        application.setErrorMessage(getTranslation("releases.filter.applicationInvalid"));
        return;
      }
    }
    Optional<ReleaseStore.PageEnd> before =
        fresh || shown.isEmpty()
            ? Optional.empty()
            : Optional.of(ReleaseStore.PageEnd.after(shown.get(shown.size() - 1)));
    ReleaseStore.Search search =
        new ReleaseStore.Search(
            Optional.ofNullable(node.getValue()),
            applicationId,
            dataset.getValue().isBlank()
                ? Optional.empty()
                : Optional.of(dataset.getValue().strip()),
            Optional.empty(),
            Optional.empty(),
            Optional.ofNullable(from.getValue()).map(ReleasesView::startOf),
            Optional.ofNullable(to.getValue()).map(day -> startOf(day.plusDays(1))),
            before,
            PAGE);
    if (fresh) {
      // The export is the whole search, every page of it, as it stands when downloaded.
      ReleaseStore.Search exported = search;
      Downloads.retarget(
          csv,
          "releases.csv",
          "text/csv; charset=UTF-8",
          () -> ReleaseExport.csv(queries, caller, exported));
    }
    List<Release> page;
    try {
      page = queries.search(caller, search);
    } catch (Refusal refused) {
      status.setText(refused.getMessage());
      return;
    }
    shown.addAll(page);
    grid.setItems(shown);
    older.setVisible(page.size() == PAGE);
    status.setText(
        shown.isEmpty()
            ? getTranslation("releases.none")
            : getTranslation("releases.shown", shown.size()));
  }

  private static Instant startOf(LocalDate day) {
    // A day as the reader lives it: on the network's clock, like every time the page shows.
    return day.atStartOfDay(eu.clinnova.portal.ui.base.NetworkTime.ZONE).toInstant();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("releases.title") + " · " + getTranslation("app.name");
  }
}
