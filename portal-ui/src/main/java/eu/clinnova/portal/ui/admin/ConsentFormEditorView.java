package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormChange;
import eu.clinnova.consent.form.FormDiff;
import eu.clinnova.consent.form.FormDocument;
import eu.clinnova.consent.form.FormModule;
import eu.clinnova.consent.form.FormPreview;
import eu.clinnova.consent.form.WordDiff;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An administrator prepares the next version of a consent form: its texts in every language side by
 * side, saved as a draft; the draft previewed as patients will read it, each changed text shown
 * word by word against the version in force, with how many patients a major version asks to consent
 * again; then published as minor (wording) or major (substance). The modules a form asks about and
 * their data use change through the API only.
 */
@Route(value = "admin/consent-form", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class ConsentFormEditorView extends Main
    implements HasDynamicTitle, HasUrlParameter<String> {

  /** Removed words, as HTML marks them (screen readers can say so). */
  @Tag("del")
  static final class Removed extends HtmlContainer {
    Removed(String text) {
      setText(text);
      addClassName("portal-removed");
    }
  }

  /** Added words. */
  @Tag("ins")
  static final class Added extends HtmlContainer {
    Added(String text) {
      setText(text);
      addClassName("portal-added");
    }
  }

  private final ConsentForms forms;
  private final Caller caller;
  private final RadioButtonGroup<FormChange> change = new RadioButtonGroup<>();
  private final Map<String, HasValidation> fields = new HashMap<>();
  private final Map<String, TextField> titles = new LinkedHashMap<>();
  private final Map<String, TextArea> intros = new LinkedHashMap<>();
  private final Map<String, TextField> moduleTitles = new HashMap<>();
  private final Map<String, TextArea> moduleTexts = new HashMap<>();
  private final Paragraph status = Sections.status("form-status");
  private ConsentForm inForce;
  private String notice;

  @Inject
  public ConsentFormEditorView(ConsentForms forms) {
    this.forms = forms;
    this.caller = SignedInUser.current().orElseThrow();
    setId("admin-consent-form");
    addClassName("portal-page");
  }

  @Override
  public void setParameter(BeforeEvent event, String parameter) {
    Optional<ConsentForm> form = forms.latest(parameter);
    if (form.isEmpty()) {
      removeAll();
      add(new H1(getTranslation("forms.title")));
      Paragraph missing = new Paragraph(getTranslation("forms.unknown"));
      missing.setId("form-unknown");
      add(missing);
      return;
    }
    inForce = form.get();
    show();
  }

  private void show() {
    removeAll();
    fields.clear();
    String language = getLocale().getLanguage();
    add(new H1(getTranslation("forms.editTitle", FormTexts.title(inForce, language))));
    Paragraph context =
        new Paragraph(
            getTranslation(
                "forms.editIntro",
                getTranslation("jurisdiction." + inForce.jurisdiction()),
                inForce.version(),
                inForce.version() + 1));
    add(context);
    if (notice != null) {
      status.setText(notice);
      notice = null;
    } else {
      status.setText("");
    }
    Optional<FormPreview> preview = forms.preview(caller, inForce.id());
    ConsentForm shown = preview.map(p -> p.draft().form()).orElse(inForce);
    add(editor(shown, preview.isPresent()));
    preview.ifPresent(p -> add(preview(p)));
  }

  private Section editor(ConsentForm shown, boolean drafted) {
    Section section =
        Sections.labelled("form-draft", getTranslation("forms.draftHeading"), "portal-form");
    section.add(
        new Paragraph(
            getTranslation(drafted ? "forms.draftSaved" : "forms.draftNone", inForce.version())));
    change.setLabel(getTranslation("forms.change"));
    change.setId("form-change");
    change.setItems(FormChange.MINOR, FormChange.MAJOR);
    change.setItemLabelGenerator(value -> getTranslation("forms.change." + value.code()));
    change.setValue(shown.change() == FormChange.INITIAL ? null : shown.change());
    fields.put("change", change);
    section.add(change);
    Div languages = new Div();
    languages.addClassName("portal-languages");
    for (String language : shown.languages()) {
      languages.add(languageColumn(shown, language));
    }
    section.add(languages);
    Button save = new Button(getTranslation("forms.saveDraft"), event -> save());
    save.setId("form-save-draft");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    section.add(save);
    if (drafted) {
      Button discard = new Button(getTranslation("forms.discardDraft"), event -> discard());
      discard.setId("form-discard-draft");
      discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      section.add(discard);
    }
    section.add(status);
    return section;
  }

  /** One language's texts: the title, the introduction, each module's title and text. */
  private Div languageColumn(ConsentForm shown, String language) {
    Div column = new Div();
    column.addClassName("portal-language");
    column.setId("form-language-" + language);
    String name = FormTexts.language(language, getLocale());
    column.add(new H3(name));
    TextField title = new TextField(getTranslation("forms.formTitle", name));
    title.setId("form-" + language + "-title");
    title.setValue(shown.title().getOrDefault(language, ""));
    title.setMaxLength(200);
    title.setWidthFull();
    titles.put(language, title);
    fields.put("title." + language, title);
    TextArea intro = new TextArea(getTranslation("forms.formIntro", name));
    intro.setId("form-" + language + "-intro");
    intro.setValue(shown.intro().getOrDefault(language, ""));
    intro.setMaxLength(4000);
    intro.setWidthFull();
    intros.put(language, intro);
    fields.put("intro." + language, intro);
    column.add(title, intro);
    for (int i = 0; i < shown.modules().size(); i++) {
      FormModule module = shown.modules().get(i);
      String topic = getTranslation("module.title." + module.module().code());
      TextField moduleTitle = new TextField(getTranslation("forms.moduleTitle", topic, name));
      moduleTitle.setId("form-" + language + "-" + module.module().code() + "-title");
      moduleTitle.setValue(module.title().getOrDefault(language, ""));
      moduleTitle.setMaxLength(200);
      moduleTitle.setWidthFull();
      TextArea moduleText = new TextArea(getTranslation("forms.moduleText", topic, name));
      moduleText.setId("form-" + language + "-" + module.module().code() + "-text");
      moduleText.setValue(module.text().getOrDefault(language, ""));
      moduleText.setMaxLength(4000);
      moduleText.setWidthFull();
      moduleTitles.put(i + "." + language, moduleTitle);
      moduleTexts.put(i + "." + language, moduleText);
      fields.put("modules[" + i + "].title." + language, moduleTitle);
      fields.put("modules[" + i + "].text." + language, moduleText);
      column.add(moduleTitle, moduleText);
    }
    return column;
  }

  /** The form as the fields say, the next version of the one in force. */
  private ConsentForm edited() {
    Map<String, String> title = new LinkedHashMap<>();
    Map<String, String> intro = new LinkedHashMap<>();
    titles.forEach((language, field) -> title.put(language, field.getValue()));
    intros.forEach((language, field) -> intro.put(language, field.getValue()));
    List<FormModule> modules = new ArrayList<>();
    for (int i = 0; i < inForce.modules().size(); i++) {
      FormModule module = inForce.modules().get(i);
      Map<String, String> moduleTitle = new LinkedHashMap<>();
      Map<String, String> moduleText = new LinkedHashMap<>();
      for (String language : inForce.languages()) {
        moduleTitle.put(language, moduleTitles.get(i + "." + language).getValue());
        moduleText.put(language, moduleTexts.get(i + "." + language).getValue());
      }
      modules.add(
          new FormModule(
              module.module(), module.required(), module.duo(), moduleTitle, moduleText));
    }
    return new ConsentForm(
        inForce.id(),
        inForce.version() + 1,
        inForce.jurisdiction(),
        change.getValue() == null ? FormChange.INITIAL : change.getValue(),
        inForce.languages(),
        title,
        intro,
        modules,
        Instant.EPOCH);
  }

  private void save() {
    fields.values().forEach(field -> field.setInvalid(false));
    try {
      forms.saveDraft(caller, inForce.id(), FormDocument.check(edited()));
      notice = getTranslation("forms.draftSavedNow");
      show();
    } catch (Refusal refusal) {
      showProblems(refusal);
    }
  }

  private void showProblems(Refusal refusal) {
    Component first = null;
    for (FieldProblem problem : refusal.problems()) {
      HasValidation field = fields.get(problem.field());
      if (field != null) {
        field.setErrorMessage(
            problem.field().equals("change")
                ? getTranslation("forms.changeMissing")
                : problem.message().startsWith("must be given")
                    ? getTranslation("forms.textMissing")
                    : problem.message());
        field.setInvalid(true);
        first = first == null ? (Component) field : first;
      }
    }
    status.setText(first == null ? refusal.getMessage() : getTranslation("forms.invalid"));
    if (first instanceof com.vaadin.flow.component.Focusable<?> focusable) {
      focusable.focus();
    }
  }

  private void discard() {
    forms.discardDraft(caller, inForce.id());
    notice = getTranslation("forms.draftDiscarded");
    show();
  }

  private Section preview(FormPreview preview) {
    Section section =
        Sections.labelled("form-preview", getTranslation("forms.previewHeading"), "portal-form");
    section.add(new Paragraph(getTranslation("forms.previewIntro")));
    Div languages = new Div();
    languages.addClassName("portal-languages");
    languages.setId("form-preview-languages");
    ConsentForm draft = preview.draft().form();
    for (String language : draft.languages()) {
      Div column = new Div();
      column.addClassName("portal-language");
      column.getElement().setAttribute("lang", language);
      H3 title = new H3(draft.title().get(language));
      column.add(
          new Paragraph(FormTexts.language(language, getLocale())),
          title,
          new Paragraph(draft.intro().get(language)));
      for (FormModule module : draft.modules()) {
        column.add(
            new H4(module.title().get(language)), new Paragraph(module.text().get(language)));
      }
      languages.add(column);
    }
    section.add(languages);
    section.add(changes(preview));
    Paragraph askedAgain = new Paragraph(askedAgainText(preview));
    askedAgain.setId("form-asked-again");
    section.add(askedAgain);
    Button publish = new Button(getTranslation("forms.publish", draft.version()));
    publish.setId("form-publish");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.addClickListener(
        event ->
            Confirmation.open(
                getTranslation(
                    "forms.publishConfirm",
                    draft.version(),
                    getTranslation("forms.change." + draft.change().code())),
                new Paragraph(askedAgainText(preview)),
                getTranslation("forms.publish", draft.version()),
                preview.askedAgain() > 0,
                getTranslation("datasets.cancel"),
                this::publish));
    section.add(publish);
    return section;
  }

  private String askedAgainText(FormPreview preview) {
    if (!preview.reconsentOnMajor()) {
      return getTranslation("forms.noReconsentPolicy");
    }
    return preview.draft().form().change() == FormChange.MAJOR
        ? getTranslation("forms.askedAgainMajor", preview.askedAgainIfMajor())
        : getTranslation("forms.askedAgainMinor", preview.askedAgainIfMajor());
  }

  /** Each changed text, named by part and language, with its removed and added words marked. */
  private Component changes(FormPreview preview) {
    Div changes = new Div();
    changes.setId("form-changes");
    changes.add(new H3(getTranslation("forms.changesHeading", preview.inForce().version())));
    if (preview.changes().isEmpty()) {
      changes.add(new Paragraph(getTranslation("forms.noChanges")));
      return changes;
    }
    UnorderedList list = new UnorderedList();
    list.addClassName("portal-cards");
    for (FormDiff.Change change : preview.changes()) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.add(new Paragraph(new Span(where(change))));
      Paragraph words = new Paragraph();
      if (!change.language().isEmpty()) {
        words.getElement().setAttribute("lang", change.language());
      }
      for (WordDiff.Segment segment : change.words()) {
        switch (segment.kind()) {
          case SAME -> words.add(new Span(readable(change, segment.text())));
          case REMOVED -> words.add(new Removed(readable(change, segment.text())));
          case ADDED -> words.add(new Added(readable(change, segment.text())));
        }
      }
      item.add(words);
      list.add(item);
    }
    changes.add(list);
    return changes;
  }

  private String where(FormDiff.Change change) {
    String part = getTranslation("forms.part." + change.part().name());
    String module =
        change.module() == null ? "" : " · " + getTranslation("module.title." + change.module());
    String language =
        change.language().isEmpty()
            ? ""
            : " · " + FormTexts.language(change.language(), getLocale());
    return part + module + language;
  }

  /** "true"/"false" of whether a module must be answered, in words. */
  private String readable(FormDiff.Change change, String text) {
    if (change.part() == FormDiff.Part.MODULE_REQUIRED) {
      return switch (text) {
        case "true" -> getTranslation("forms.required.true");
        case "false" -> getTranslation("forms.required.false");
        default -> text;
      };
    }
    return text;
  }

  private void publish() {
    try {
      ConsentForms.Published published = forms.publishDraft(caller, inForce.id());
      inForce = published.form();
      notice =
          getTranslation(
              "forms.published", published.form().version(), published.reconsentRequests());
      show();
    } catch (Refusal refusal) {
      status.setText(getTranslation("forms.overtaken"));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("forms.title") + " · " + getTranslation("app.name");
  }
}
