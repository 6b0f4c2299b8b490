package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.workflow.catalogue.CatalogueEntry;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The catalogue as an administrator keeps it: every dataset, retired ones too, with its version and
 * its data use in words; each opens its editor, and a new one can be published.
 */
@Route(value = "admin/datasets", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class DatasetsView extends Main implements HasDynamicTitle {

  @Inject
  public DatasetsView(DatasetCatalogue catalogue) {
    setId("admin-datasets");
    addClassName("portal-page");
    Button create =
        new Button(
            getTranslation("datasets.new"),
            event -> getUI().ifPresent(ui -> ui.navigate("admin/dataset/new")));
    create.setId("dataset-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    UnorderedList list = new UnorderedList();
    list.setId("dataset-list");
    list.addClassName("portal-cards");
    for (CatalogueEntry entry : catalogue.entries(true)) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.setId("dataset-" + entry.dataset().id());
      Anchor title = new Anchor("admin/dataset/" + entry.dataset().id(), entry.dataset().title());
      item.add(
          title,
          new Paragraph(
              getTranslation("jurisdiction." + entry.dataset().jurisdiction())
                  + " · "
                  + getTranslation("cohort." + entry.dataset().cohort())
                  + " · "
                  + getTranslation("datasets.version", entry.version())
                  + " · "
                  + getTranslation(entry.retired() ? "datasets.retired" : "datasets.open")),
          new Paragraph(DatasetTexts.use(this, entry.dataset())));
      list.add(item);
    }
    add(
        new H1(getTranslation("datasets.title")),
        new Paragraph(getTranslation("datasets.intro")),
        create,
        list);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("datasets.title") + " · " + getTranslation("app.name");
  }
}
