package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.HasValidation;
import eu.clinnova.consent.domain.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The domain's field problems shown where the user looks (issue 21): each field marked invalid with
 * a sentence in the user's language (translation {@code prefix + field}), the first one focused; a
 * problem of no field of the form goes to a status line. The rules stay in the domain, which checks
 * every request the same way whether it comes from the API or the UI: the form shows its answer,
 * field by field, instead of keeping rules of its own.
 */
public final class FieldErrors {

  private FieldErrors() {}

  /**
   * Marks the {@code fields} named by {@code problems} and clears the others; true if there was any
   * problem. {@code otherwise} words a problem of no field of the form for {@code status}.
   */
  public static boolean show(
      Component host,
      String prefix,
      Map<String, ? extends HasValidation> fields,
      List<FieldProblem> problems,
      HasText status,
      Function<FieldProblem, String> otherwise) {
    fields.values().forEach(field -> field.setInvalid(false));
    status.setText("");
    boolean focused = false;
    List<String> elsewhere = new ArrayList<>();
    for (FieldProblem problem : problems) {
      HasValidation field = fields.get(problem.field());
      if (field == null) {
        elsewhere.add(otherwise.apply(problem));
        continue;
      }
      if (!field.isInvalid()) {
        // The first problem of a field says the most; later ones repeat it.
        field.setErrorMessage(host.getTranslation(prefix + problem.field()));
        field.setInvalid(true);
      }
      if (!focused && field instanceof Focusable<?> focusable) {
        focusable.focus();
        focused = true;
      }
    }
    status.setText(String.join(" ", elsewhere));
    return !problems.isEmpty();
  }
}
