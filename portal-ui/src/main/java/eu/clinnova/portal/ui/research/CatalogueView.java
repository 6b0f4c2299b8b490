package eu.clinnova.portal.ui.research;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dataset catalogue, filtered by jurisdiction and cohort: each dataset's node, cohort, data use
 * in words (DUO), disease, the consent modules its subjects need, and its size.
 */
@Route(value = "research/catalogue", layout = MainLayout.class)
@RolesAllowed({Role.Names.RESEARCHER, Role.Names.DAC_MEMBER, Role.Names.ADMIN})
public class CatalogueView extends Main implements HasDynamicTitle {

  static final String ALL = "";

  private final DatasetCatalogue catalogue;
  private final Select<String> jurisdiction = new Select<>();
  private final Select<String> cohort = new Select<>();
  private final com.vaadin.flow.component.textfield.TextField words =
      new com.vaadin.flow.component.textfield.TextField();
  private final UnorderedList results = new UnorderedList();
  private final Paragraph count = new Paragraph();

  @Inject
  public CatalogueView(DatasetCatalogue catalogue) {
    this.catalogue = catalogue;
    setId("catalogue");
    addClassName("portal-page");
    add(
        new H1(getTranslation("catalogue.title")),
        new Paragraph(getTranslation("catalogue.intro")));
    jurisdiction.setId("filter-jurisdiction");
    jurisdiction.setLabel(getTranslation("catalogue.jurisdiction"));
    jurisdiction.setItems(
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(ALL), Jurisdiction.allCodes().stream())
            .toList());
    jurisdiction.setItemLabelGenerator(
        code ->
            code.isEmpty()
                ? getTranslation("catalogue.all")
                : getTranslation("jurisdiction." + code));
    jurisdiction.setValue(ALL);
    cohort.setId("filter-cohort");
    cohort.setLabel(getTranslation("catalogue.cohort"));
    cohort.setItems(ALL, "IBD", "RA", "MS");
    cohort.setItemLabelGenerator(
        code ->
            code.isEmpty() ? getTranslation("catalogue.all") : getTranslation("cohort." + code));
    cohort.setValue(ALL);
    words.setId("filter-words");
    words.setLabel(getTranslation("catalogue.words"));
    words.setMaxLength(200);
    words.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    jurisdiction.addValueChangeListener(event -> show());
    cohort.addValueChangeListener(event -> show());
    words.addValueChangeListener(event -> show());
    count.setId("catalogue-count");
    count.getElement().setAttribute("role", "status");
    results.setId("catalogue-list");
    results.addClassName("portal-cards");
    com.vaadin.flow.component.html.Div filters =
        new com.vaadin.flow.component.html.Div(jurisdiction, cohort, words);
    filters.addClassName("portal-filters");
    add(filters, count, results);
    show();
  }

  private void show() {
    List<Dataset> datasets =
        catalogue.list(
            jurisdiction.getValue() == null || jurisdiction.getValue().isEmpty()
                ? null
                : jurisdiction.getValue(),
            cohort.getValue() == null || cohort.getValue().isEmpty() ? null : cohort.getValue());
    // Words of the title or description, any case, each of them.
    List<String> wanted =
        java.util.Arrays.stream(words.getValue().toLowerCase(getLocale()).split("\\s+"))
            .filter(word -> !word.isBlank())
            .toList();
    datasets =
        datasets.stream()
            .filter(
                dataset -> {
                  String text =
                      (dataset.title() + " " + dataset.description()).toLowerCase(getLocale());
                  return wanted.stream().allMatch(text::contains);
                })
            .toList();
    count.setText(getTranslation("catalogue.count", datasets.size()));
    results.removeAll();
    for (Dataset dataset : datasets) {
      ListItem item = new ListItem();
      item.setId("dataset-" + dataset.id());
      item.addClassName("portal-card");
      item.add(
          new H2(dataset.title()),
          new Paragraph(
              getTranslation("jurisdiction." + dataset.jurisdiction())
                  + " · "
                  + dataset.node()
                  + " · "
                  + getTranslation("cohort." + dataset.cohort())
                  + " · "
                  + getTranslation("catalogue.subjects", dataset.subjects())),
          new Paragraph(dataset.description()),
          new Paragraph(
              getTranslation("catalogue.use")
                  + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                  + use(dataset)),
          new Paragraph(
              getTranslation("catalogue.modules")
                  + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                  + String.join(", ", dataset.requiredModules())));
      results.add(item);
    }
  }

  private String use(Dataset dataset) {
    String permission = getTranslation("duo." + dataset.use().permission().name());
    String disease =
        dataset
            .use()
            .disease()
            .map(term -> " (" + Diseases.name(term) + ", " + term + ")")
            .orElse("");
    String modifiers =
        dataset.use().modifiers().stream()
            .sorted()
            .map(DuoTerm::name)
            .map(term -> getTranslation("duo." + term))
            .collect(Collectors.joining("; "));
    return permission + disease + (modifiers.isEmpty() ? "" : "; " + modifiers);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("catalogue.title") + " · " + getTranslation("app.name");
  }
}
