package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.EvidenceUpload;
import eu.clinnova.portal.ui.base.FieldErrors;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.application.ApplicationAttachment;
import eu.clinnova.workflow.application.ApplicationFile;
import eu.clinnova.workflow.application.Applications;
import eu.clinnova.workflow.application.AttachmentKind;
import eu.clinnova.workflow.application.EthicsDeclaration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The evidence an applicant gives on a draft: the files attached to it, and the ethics approvals
 * declared for its jurisdictions (each resting on an attached file). Part of {@link
 * ApplicationEditorView}; a change shows the page again.
 */
final class EvidenceSections {

  private final Component host;
  private final Applications applications;
  private final Caller caller;
  private final UUID id;
  private final Runnable rerender;

  EvidenceSections(
      Component host, Applications applications, Caller caller, UUID id, Runnable rerender) {
    this.host = host;
    this.applications = applications;
    this.caller = caller;
    this.id = id;
    this.rerender = rerender;
  }

  /** The files as the page knows them, kinds included (a new kind updates the letter's list). */
  private final List<ApplicationAttachment> files = new java.util.ArrayList<>();

  /** The ethics form's choice of approval letter, once built. */
  private Select<ApplicationAttachment> letterChoice;

  /**
   * The files to choose the approval letter from; chosen by the applicant, proposed only when
   * exactly one file is said to be an approval letter (not the last upload, whatever it is).
   */
  private void offerLetters() {
    if (letterChoice == null) {
      return;
    }
    ApplicationAttachment chosen = letterChoice.getValue();
    letterChoice.setItems(List.copyOf(files));
    List<ApplicationAttachment> letters =
        files.stream()
            .filter(
                attachment -> attachment.kind().equals(Optional.of(AttachmentKind.ETHICS_LETTER)))
            .toList();
    Optional<ApplicationAttachment> kept =
        chosen == null
            ? Optional.empty()
            : files.stream().filter(known -> known.id().equals(chosen.id())).findFirst();
    if (kept.isPresent()) {
      letterChoice.setValue(kept.get());
    } else if (letters.size() == 1) {
      letterChoice.setValue(letters.get(0));
    }
  }

  Section files(ApplicationFile file) {
    files.clear();
    files.addAll(file.attachments());
    Section section = Sections.labelled("files", host.getTranslation("application.files"));
    section.add(new Paragraph(host.getTranslation("application.files.intro")));
    UnorderedList list = new UnorderedList();
    list.setId("file-list");
    list.addClassName("portal-cards");
    Paragraph result = Sections.status("upload-result");
    List<ApplicationAttachment> attachments = file.attachments();
    for (int i = 0; i < attachments.size(); i++) {
      list.add(fileCard(file, attachments.get(i), i, result));
    }
    Upload upload =
        EvidenceUpload.of(
            "app-upload",
            Applications.MAX_ATTACHMENT_BYTES,
            result,
            (metadata, data) -> {
              try {
                Applications.Attached attached =
                    applications.attach(
                        caller, id, metadata.fileName(), metadata.contentType(), data);
                result.setText(
                    host.getTranslation("application.uploaded", attached.attachment().fileName()));
                rerender.run();
              } catch (Refusal refusal) {
                result.setText(ApplicationTexts.refusal(host, refusal));
              }
            });
    section.add(list, upload, result);
    return section;
  }

  /**
   * A file as a card: its name and size, what it is (the applicant says, in words), and, while the
   * application can be edited, its removal (confirmed; refused if an ethics approval rests on it).
   */
  private ListItem fileCard(
      ApplicationFile file, ApplicationAttachment attachment, int position, Paragraph result) {
    ListItem card = new ListItem();
    card.addClassName("portal-card");
    card.setId("file-" + position);
    Paragraph name =
        new Paragraph(
            attachment.fileName()
                + " · "
                + host.getTranslation(
                    "application.file", attachment.size(), attachment.sha256().substring(0, 16)));
    name.setId("file-name-" + position);
    Select<AttachmentKind> kind = new Select<>();
    kind.setId("file-kind-" + position);
    kind.setLabel(host.getTranslation("application.fileKind", attachment.fileName()));
    kind.setPlaceholder(host.getTranslation("application.fileKind.choose"));
    kind.setItems(AttachmentKind.values());
    kind.setItemLabelGenerator(
        value -> host.getTranslation("application.fileKind." + value.code()));
    attachment.kind().ifPresent(kind::setValue);
    kind.addValueChangeListener(
        event -> {
          if (!event.isFromClient() || event.getValue() == null) {
            return;
          }
          try {
            ApplicationAttachment labelled =
                applications
                    .labelAttachment(caller, id, attachment.id(), event.getValue().code())
                    .attachment();
            files.replaceAll(known -> known.id().equals(labelled.id()) ? labelled : known);
            offerLetters();
            result.setText(
                host.getTranslation(
                    "application.fileKind.saved",
                    attachment.fileName(),
                    host.getTranslation("application.fileKind." + event.getValue().code())));
          } catch (Refusal refusal) {
            result.setText(ApplicationTexts.refusal(host, refusal));
          }
        });
    card.add(name, kind);
    if (file.application().state().isEditable()) {
      Button remove = new Button(host.getTranslation("application.fileRemove"));
      remove.setId("file-remove-" + position);
      remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      remove
          .getElement()
          .setAttribute(
              "aria-label",
              host.getTranslation("application.fileRemove")
                  + eu.clinnova.portal.ui.base.Punctuation.colon(host)
                  + attachment.fileName());
      remove.addClickListener(
          event ->
              Confirmation.open(
                  host.getTranslation("application.fileRemove.title", attachment.fileName()),
                  new Paragraph(host.getTranslation("application.fileRemove.effect")),
                  host.getTranslation("application.fileRemove"),
                  true,
                  host.getTranslation("application.withdraw.cancel"),
                  () -> {
                    try {
                      applications.removeAttachment(caller, id, attachment.id());
                      rerender.run();
                    } catch (Refusal refusal) {
                      result.setText(
                          "attachment-in-use".equals(refusal.code())
                              ? host.getTranslation(
                                  "application.fileRemove.inUse", attachment.fileName())
                              : ApplicationTexts.refusal(host, refusal));
                    }
                  }));
      card.add(remove);
    }
    return card;
  }

  /** A file as a list names it: its name, and what it is when the applicant said. */
  private String fileLabel(ApplicationAttachment attachment) {
    return attachment
        .kind()
        .map(
            kind ->
                attachment.fileName()
                    + " ("
                    + host.getTranslation("application.fileKind." + kind.code())
                    + ")")
        .orElse(attachment.fileName());
  }

  Section ethics(ApplicationFile file) {
    Section section = Sections.labelled("ethics", host.getTranslation("application.ethics"));
    UnorderedList declared = new UnorderedList();
    declared.setId("ethics-list");
    file.ethicsApprovals()
        .forEach(
            approval -> declared.add(new ListItem(ApplicationSummary.ethicsLine(host, approval))));
    Select<String> jurisdiction = new Select<>();
    jurisdiction.setId("app-ethics-jurisdiction");
    jurisdiction.setLabel(host.getTranslation("application.ethics.jurisdiction"));
    List<String> concerned = file.application().jurisdictions();
    jurisdiction.setItems(concerned.isEmpty() ? Jurisdiction.allCodes() : concerned);
    jurisdiction.setItemLabelGenerator(code -> ApplicationTexts.jurisdiction(host, code));
    TextField committee = new TextField(host.getTranslation("application.ethics.committee"));
    committee.setId("app-ethics-committee");
    TextField reference = new TextField(host.getTranslation("application.ethics.reference"));
    reference.setId("app-ethics-reference");
    PolicyCatalogue policies = PolicyCatalogue.bundled();
    jurisdiction.addValueChangeListener(
        event ->
            policies
                .of(event.getValue())
                .ifPresent(
                    policy -> {
                      committee.setHelperText(policy.ethicsBody());
                      reference.setHelperText(
                          host.getTranslation(
                              "application.ethics.referenceHelp." + event.getValue()));
                    }));
    DatePicker from =
        eu.clinnova.portal.ui.base.DatePickers.localised(
            new DatePicker(host.getTranslation("application.ethics.from")), host);
    from.setId("app-ethics-from");
    DatePicker until =
        eu.clinnova.portal.ui.base.DatePickers.localised(
            new DatePicker(host.getTranslation("application.ethics.until")), host);
    until.setId("app-ethics-until");
    Select<ApplicationAttachment> document = new Select<>();
    document.setId("app-ethics-file");
    document.setLabel(host.getTranslation("application.ethics.file"));
    document.setPlaceholder(host.getTranslation("application.ethics.filePlaceholder"));
    document.setItemLabelGenerator(this::fileLabel);
    if (files.isEmpty()) {
      files.addAll(file.attachments());
    }
    letterChoice = document;
    offerLetters();
    Paragraph result = Sections.status("ethics-result");
    Button add = new Button(host.getTranslation("application.ethics.add"));
    add.setId("app-ethics-add");
    add.addClickListener(
        event -> {
          EthicsDeclaration declaration =
              new EthicsDeclaration(
                  given(jurisdiction.getValue()),
                  given(committee.getValue()),
                  given(reference.getValue()),
                  from.getValue() == null ? null : from.getValue().toString(),
                  until.getValue() == null ? null : until.getValue().toString(),
                  document.getValue() == null ? null : document.getValue().id().toString());
          if (from.isInvalid() || until.isInvalid()) {
            // A date the picker could not read is already said at its field.
            (from.isInvalid() ? from : until).focus();
            return;
          }
          try {
            applications.addEthicsApproval(caller, id, declaration);
            rerender.run();
          } catch (Refusal refusal) {
            if (refusal.problems().isEmpty()) {
              result.setText(ApplicationTexts.refusal(host, refusal));
            } else {
              FieldErrors.show(
                  host,
                  "application.ethics.problem.",
                  Map.of(
                      "jurisdiction", jurisdiction,
                      "committee", committee,
                      "reference", reference,
                      "validFrom", from,
                      "validUntil", until,
                      "attachmentId", document),
                  refusal.problems(),
                  result,
                  p ->
                      host.getTranslation("application.ethics.field." + p.field())
                          + eu.clinnova.portal.ui.base.Punctuation.colon(host)
                          + p.message());
            }
          }
        });
    Div form = new Div(jurisdiction, committee, reference, from, until, document);
    form.addClassName("portal-row");
    section.add(
        new Paragraph(host.getTranslation("application.ethics.intro")),
        declared,
        form,
        add,
        result);
    return section;
  }

  /** What was typed, or null for nothing (blank is not an answer). */
  private static String given(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
