package eu.clinnova.portal.ui.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.Purpose;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The purpose of an application as the applicant states it: the DUO category (and disease for DS),
 * a description, the yes/no questions that decide which consent modules subjects need, and the AI
 * question, which a new draft leaves unanswered. Part of {@link ApplicationEditorView}.
 */
final class PurposeFields {

  static final List<String> CATEGORIES = List.of("HMB", "DS", "POA");
  static final List<String> DISEASES =
      List.of(
          Diseases.IBD,
          Diseases.CROHN,
          Diseases.ULCERATIVE_COLITIS,
          Diseases.RHEUMATOID_ARTHRITIS,
          Diseases.MULTIPLE_SCLEROSIS);

  private final Component page;
  private final Select<String> category = new Select<>();
  private final Select<String> disease = new Select<>();
  private final TextArea description = new TextArea();
  private final Checkbox commercial = new Checkbox();
  private final Checkbox forProfit = new Checkbox();
  private final Checkbox genetic = new Checkbox();
  private final Checkbox methods = new Checkbox();

  /** Asked explicitly, unanswered in a new draft: patients decide about AI training separately. */
  private final RadioButtonGroup<Boolean> aiTraining = new RadioButtonGroup<>();

  /** The fields showing {@code purpose}; {@code changed} runs after each change the user makes. */
  PurposeFields(Component page, Optional<Purpose> purpose, Runnable changed) {
    this.page = page;
    category.setId("app-category");
    category.setLabel(t("application.field.purpose.duo"));
    category.setItems(CATEGORIES);
    category.setItemLabelGenerator(code -> code == null ? "" : t("duo." + code));
    category.setEmptySelectionAllowed(true);
    category.setValue(
        purpose
            .flatMap(Purpose::research)
            .map(research -> research.category().name())
            .orElseGet(
                () ->
                    purpose
                        .flatMap(given -> given.duo().stream().findFirst())
                        .flatMap(DuoTerm::of)
                        .map(Enum::name)
                        .filter(CATEGORIES::contains)
                        .orElse(null)));
    disease.setId("app-disease");
    disease.setLabel(t("application.field.purpose.disease"));
    disease.setItems(DISEASES);
    disease.setItemLabelGenerator(
        term -> term == null ? "" : t("disease." + term.substring(6)) + " (" + term + ")");
    disease.setEmptySelectionAllowed(true);
    disease.setValue(purpose.flatMap(Purpose::disease).orElse(null));
    disease.setVisible("DS".equals(category.getValue()));
    category.addValueChangeListener(event -> disease.setVisible("DS".equals(event.getValue())));
    description.setId("app-description");
    description.setLabel(t("application.field.purpose.description"));
    description.setMaxLength(ApplicationDocument.MAX_DESCRIPTION);
    description.setValueChangeMode(ValueChangeMode.LAZY);
    description.setValueChangeTimeout(700);
    description.setWidthFull();
    description.setValue(purpose.map(Purpose::description).orElse(""));
    flag(commercial, "app-commercial", "commercial", purpose.map(Purpose::commercial));
    flag(forProfit, "app-forprofit", "forProfit", purpose.map(Purpose::forProfit));
    flag(genetic, "app-genetic", "genetic", purpose.map(Purpose::genetic));
    flag(methods, "app-methods", "methodsDevelopment", purpose.map(Purpose::methodsDevelopment));
    aiTraining.setId("app-ai-training");
    aiTraining.setLabel(t("application.aiTraining"));
    aiTraining.setHelperText(t("application.aiTraining.help"));
    aiTraining.setItems(Boolean.TRUE, Boolean.FALSE);
    aiTraining.setItemLabelGenerator(
        yes -> t(yes ? "application.aiTraining.yes" : "application.aiTraining.no"));
    aiTraining.setValue(purpose.flatMap(Purpose::aiTrainingAnswer).orElse(null));
    for (HasValue<?, ?> field :
        List.<HasValue<?, ?>>of(
            category, disease, description, commercial, forProfit, genetic, methods, aiTraining)) {
      field.addValueChangeListener(event -> changed.run());
    }
  }

  private String t(String key) {
    return page.getTranslation(key);
  }

  private void flag(Checkbox box, String id, String key, Optional<Boolean> value) {
    box.setId(id);
    box.setLabel(t("application.flag." + key));
    box.setValue(value.orElse(false));
  }

  /** The fields in the order they are shown. */
  Component[] components() {
    return new Component[] {
      category, disease, description, commercial, forProfit, genetic, methods, aiTraining
    };
  }

  /** The purpose as the document's JSON has it; the AI answer only once it is given. */
  JsonObjectBuilder json() {
    JsonObjectBuilder purpose = JSON.createObjectBuilder();
    JsonArrayBuilder duo = JSON.createArrayBuilder();
    if (category.getValue() != null) {
      duo.add(category.getValue());
    }
    purpose.add("duo", duo);
    if ("DS".equals(category.getValue()) && disease.getValue() != null) {
      purpose.add("disease", disease.getValue());
    }
    purpose
        .add("description", description.getValue())
        .add("commercial", commercial.getValue())
        .add("forProfit", forProfit.getValue())
        .add("genetic", genetic.getValue())
        .add("methodsDevelopment", methods.getValue());
    if (aiTraining.getValue() != null) {
      purpose.add("aiTraining", aiTraining.getValue());
    }
    return purpose;
  }

  /** The field a problem's path names ({@code purpose.description}), if it is one of these. */
  Optional<HasValidation> field(String path) {
    return "purpose.description".equals(path) ? Optional.of(description) : Optional.empty();
  }

  void clearErrors() {
    description.setInvalid(false);
  }

  /** The AI question is answered explicitly before anything is submitted; else it says so. */
  boolean aiQuestionAnswered() {
    if (aiTraining.getValue() != null) {
      return true;
    }
    aiTraining.setErrorMessage(t("application.aiTraining.required"));
    aiTraining.setInvalid(true);
    aiTraining.scrollIntoView();
    aiTraining
        .getElement()
        .executeJs(
            "const first = this.querySelector('vaadin-radio-button'); if (first) first.focus();");
    return false;
  }
}
