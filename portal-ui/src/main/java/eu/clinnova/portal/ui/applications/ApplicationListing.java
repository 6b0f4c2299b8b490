package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationFilter;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.JurisdictionReview;
import eu.clinnova.workflow.catalogue.CatalogueEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Applications narrowed by state, jurisdiction, dataset (by its title), last change and title
 * words, within what the caller may see, a page at a time; each card says where every
 * jurisdiction's review stands and its decision. Researchers' own list, the reviewers' and
 * compliance's overview and the committees' decisions archive are this one list.
 */
final class ApplicationListing extends Div {

  static final int PAGE = 25;

  /** What a card does beyond describing its application (a link, a delete button). */
  interface Card {
    Component title(Application application);

    default Optional<Component> action(Application application, Runnable refresh) {
      return Optional.empty();
    }
  }

  private final ApplicationQueries queries;
  private final Caller caller;
  private final Card card;
  private final Select<Optional<ApplicationState>> state = new Select<>();
  private final Select<Optional<Jurisdiction>> jurisdiction = new Select<>();
  private final Select<Optional<CatalogueEntry>> dataset = new Select<>();
  private final DatePicker from = new DatePicker();
  private final DatePicker until = new DatePicker();
  private final TextField title = new TextField();
  private final UnorderedList results = new UnorderedList();
  private final Paragraph summary = Sections.status("applications-summary");
  private final Button more = new Button();
  private final List<Application> shown = new ArrayList<>();
  private Optional<ApplicationStore.PageEnd> next = Optional.empty();

  ApplicationListing(
      ApplicationQueries queries,
      Caller caller,
      List<CatalogueEntry> catalogue,
      List<ApplicationState> states,
      Optional<ApplicationState> initialState,
      Card card) {
    this.queries = queries;
    this.caller = caller;
    this.card = card;
    Section filters =
        Sections.labelled("applications-filters", getTranslation("listing.heading"), "portal-form");
    state.setLabel(getTranslation("listing.state"));
    state.setId("filter-state");
    state.setItems(
        Stream.concat(
                Stream.of(Optional.<ApplicationState>empty()), states.stream().map(Optional::of))
            .toList());
    state.setItemLabelGenerator(
        value ->
            value
                .map(found -> ApplicationTexts.state(this, found.code()))
                .orElse(getTranslation("listing.any")));
    state.setValue(initialState);
    jurisdiction.setLabel(getTranslation("listing.jurisdiction"));
    jurisdiction.setId("filter-jurisdiction");
    jurisdiction.setItems(
        Stream.concat(
                Stream.of(Optional.<Jurisdiction>empty()),
                Arrays.stream(Jurisdiction.values()).map(Optional::of))
            .toList());
    jurisdiction.setItemLabelGenerator(
        value ->
            value
                .map(found -> getTranslation("jurisdiction." + found.name()))
                .orElse(getTranslation("listing.any")));
    jurisdiction.setValue(Optional.empty());
    dataset.setLabel(getTranslation("listing.dataset"));
    dataset.setId("filter-dataset");
    dataset.setItems(
        Stream.concat(
                Stream.of(Optional.<CatalogueEntry>empty()),
                catalogue.stream()
                    .sorted(
                        java.util.Comparator.comparing(
                            (CatalogueEntry entry) -> entry.dataset().title()))
                    .map(Optional::of))
            .toList());
    dataset.setItemLabelGenerator(
        value -> value.map(entry -> entry.dataset().title()).orElse(getTranslation("listing.any")));
    dataset.setValue(Optional.empty());
    eu.clinnova.portal.ui.base.DatePickers.localised(from, this);
    eu.clinnova.portal.ui.base.DatePickers.localised(until, this);
    from.setLabel(getTranslation("listing.from"));
    from.setId("filter-from");
    until.setLabel(getTranslation("listing.until"));
    until.setId("filter-until");
    title.setLabel(getTranslation("listing.title"));
    title.setId("filter-title");
    title.setMaxLength(200);
    Button search = new Button(getTranslation("listing.search"), event -> search());
    search.setId("filter-search");
    title.addKeyDownListener(com.vaadin.flow.component.Key.ENTER, event -> search());
    Div row = new Div(state, jurisdiction, dataset, from, until, title, search);
    row.addClassName("portal-filters");
    filters.add(row);
    results.setId("application-list");
    results.addClassName("portal-cards");
    more.setText(getTranslation("listing.more"));
    more.setId("filter-more");
    more.addClickListener(event -> page());
    add(filters, summary, results, more);
    search();
  }

  void search() {
    shown.clear();
    results.removeAll();
    next = Optional.empty();
    page();
  }

  private void page() {
    ApplicationQueries.Page page = queries.list(caller, filter(), next, PAGE);
    Map<UUID, List<JurisdictionReview>> reviews = queries.reviewsOf(page.applications());
    for (Application application : page.applications()) {
      shown.add(application);
      results.add(card(application, reviews.getOrDefault(application.id(), List.of())));
    }
    next = page.next();
    more.setVisible(next.isPresent());
    summary.setText(
        next.isPresent()
            ? getTranslation("listing.shownMore", shown.size())
            : getTranslation("listing.shown", shown.size()));
  }

  private ApplicationFilter filter() {
    Function<LocalDate, java.time.Instant> start =
        day -> day.atStartOfDay(NetworkTime.ZONE).toInstant();
    return new ApplicationFilter(
        state.getValue() == null ? Optional.empty() : state.getValue(),
        Optional.ofNullable(jurisdiction.getValue()).flatMap(value -> value.map(Enum::name)),
        Optional.ofNullable(dataset.getValue()).flatMap(value -> value.map(e -> e.dataset().id())),
        Optional.ofNullable(from.getValue()).map(start),
        Optional.ofNullable(until.getValue()).map(day -> start.apply(day.plusDays(1))),
        Optional.of(title.getValue().strip()).filter(words -> !words.isEmpty()));
  }

  private ListItem card(Application application, List<JurisdictionReview> reviews) {
    ListItem item = new ListItem();
    item.addClassName("portal-card");
    item.setId("application-" + application.id());
    item.add(card.title(application));
    item.add(
        new Paragraph(
            ApplicationTexts.state(this, application.state().code())
                + " · "
                + getTranslation(
                    "applications.updated",
                    NetworkTime.dateTime(application.updatedAt(), getLocale()))));
    if (!reviews.isEmpty()) {
      Paragraph decisions =
          new Paragraph(reviews.stream().map(this::review).collect(Collectors.joining("; ")));
      decisions.addClassName("application-decisions");
      item.add(decisions);
    }
    card.action(application, this::search).ifPresent(item::add);
    return item;
  }

  private String review(JurisdictionReview review) {
    String where = ApplicationTexts.jurisdiction(this, review.jurisdiction());
    String decision =
        review
            .decision()
            .map(code -> getTranslation("listing.decision." + code))
            .orElse(ApplicationTexts.reviewState(this, review.state()));
    return where
        + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
        + decision
        + review.conditions().map(c -> " (" + c + ")").orElse("");
  }

  /** A title that opens the application: its editor for its applicant, else its review. */
  static Component link(Component host, Application application, boolean own) {
    String text =
        application.document().title().orElse(host.getTranslation("applications.untitled"));
    return own
        ? new RouterLink(text, ApplicationEditorView.class, application.id().toString())
        : new RouterLink(text, ReviewView.class, application.id().toString());
  }
}
