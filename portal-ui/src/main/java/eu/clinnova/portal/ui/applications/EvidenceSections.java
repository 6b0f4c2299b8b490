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
import com.vaadin.flow.component.upload.Upload;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.portal.ui.base.EvidenceUpload;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.application.ApplicationAttachment;
import eu.clinnova.workflow.application.ApplicationFile;
import eu.clinnova.workflow.application.Applications;
import eu.clinnova.workflow.application.EthicsDeclaration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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

  Section files(ApplicationFile file) {
    Section section = Sections.labelled("files", host.getTranslation("application.files"));
    section.add(new Paragraph(host.getTranslation("application.files.intro")));
    UnorderedList list = new UnorderedList();
    list.setId("file-list");
    file.attachments()
        .forEach(
            attachment ->
                list.add(
                    new ListItem(
                        attachment.fileName()
                            + " · "
                            + host.getTranslation(
                                "application.file",
                                attachment.size(),
                                attachment.sha256().substring(0, 16)))));
    Paragraph result = Sections.status("upload-result");
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
    document.setItems(file.attachments());
    document.setItemLabelGenerator(ApplicationAttachment::fileName);
    if (!file.attachments().isEmpty()) {
      document.setValue(file.attachments().get(file.attachments().size() - 1));
    }
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
          try {
            applications.addEthicsApproval(caller, id, declaration);
            rerender.run();
          } catch (Refusal refusal) {
            result.setText(
                refusal.problems().stream()
                    .map(
                        p ->
                            host.getTranslation("application.ethics.field." + p.field())
                                + eu.clinnova.portal.ui.base.Punctuation.colon(host)
                                + p.message())
                    .collect(Collectors.joining("; ")));
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
