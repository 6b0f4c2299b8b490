package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.Component;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.duo.DuoTerm;
import java.util.List;
import java.util.stream.Collectors;

/** A dataset's data use and consent modules in the reader's words (titles, not codes). */
final class DatasetTexts {

  private DatasetTexts() {}

  static String use(Component view, Dataset dataset) {
    return use(
        view,
        dataset.use().permission().name(),
        dataset.use().disease().orElse(null),
        dataset.use().modifiers().stream().map(DuoTerm::name).toList());
  }

  static String use(Component view, String permission, String disease, List<String> modifiers) {
    String words = view.getTranslation("duo." + permission);
    if (disease != null) {
      words += " (" + disease(view, disease) + ")";
    }
    String conditions =
        modifiers.stream()
            .sorted()
            .map(term -> view.getTranslation("duo." + term))
            .collect(Collectors.joining("; "));
    return conditions.isEmpty() ? words : words + "; " + conditions;
  }

  static String disease(Component view, String term) {
    return view.getTranslation("disease." + term.replace(':', '_'));
  }

  static String modules(Component view, List<String> codes) {
    return codes.stream()
        .map(code -> view.getTranslation("module.title." + code))
        .collect(Collectors.joining("; "));
  }
}
