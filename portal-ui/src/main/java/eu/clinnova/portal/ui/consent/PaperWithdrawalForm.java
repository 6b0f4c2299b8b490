package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import eu.clinnova.consent.application.ConsentRecording;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.application.StaffRecords;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.EvidenceUpload;
import eu.clinnova.portal.ui.base.Sections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A steward records a withdrawal or objection that reached them on paper: the purposes withdrawn
 * (none: everything), the reason the patient gave, and the scan of the letter if there is one.
 */
final class PaperWithdrawalForm {

  private PaperWithdrawalForm() {}

  static Section of(
      Section section,
      ConsentRecording recording,
      StaffRecords staffRecords,
      Caller caller,
      String psn,
      Consumer<String> recorded) {
    section.add(new Paragraph(section.getTranslation("steward.withdraw.intro")));
    CheckboxGroup<ConsentModule> modules =
        new CheckboxGroup<>(section.getTranslation("steward.withdraw.modules"));
    modules.setId("withdraw-modules");
    modules.setItems(ConsentModule.values());
    modules.setItemLabelGenerator(
        module -> section.getTranslation("module.title." + module.code()));
    TextArea reason = new TextArea(section.getTranslation("steward.withdraw.reason"));
    reason.setId("withdraw-reason");
    reason.setMaxLength(1000);
    Paragraph scanned = Sections.status("withdraw-scan-result");
    String[] attachment = new String[1];
    Upload upload =
        EvidenceUpload.of(
            "withdraw-scan",
            StaffRecords.MAX_EVIDENCE_BYTES,
            scanned,
            (metadata, data) -> {
              try {
                StaffRecords.Attached attached =
                    staffRecords.attach(caller, psn, metadata.contentType(), data);
                attachment[0] = attached.attachment().id().toString();
                scanned.setText(
                    section.getTranslation(
                        "steward.paper.scanned", attached.attachment().sha256()));
              } catch (Refusal refusal) {
                attachment[0] = null;
                scanned.setText(refusal.getMessage());
              }
            });
    Paragraph result = Sections.status("withdraw-result");
    Button save = new Button(section.getTranslation("steward.withdraw.save"));
    save.setId("withdraw-save");
    save.addClickListener(
        event -> {
          List<String> codes =
              modules.getValue().stream().map(ConsentModule::code).sorted().toList();
          try {
            recording.withdraw(caller, psn, codes, reason.getValue(), attachment[0]);
            recorded.accept(section.getTranslation("steward.withdraw.done"));
          } catch (Refusal refusal) {
            result.setText(
                refusal.getMessage()
                    + refusal.problems().stream()
                        .map(problem -> " " + problem.message())
                        .collect(Collectors.joining(";")));
          }
        });
    section.add(modules, reason, upload, scanned, save, result);
    return section;
  }
}
