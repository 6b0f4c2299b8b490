package eu.clinnova.workflow.register;

import eu.clinnova.consent.receipt.PdfWriter;

/** The record of processing as a document for the supervisory authority or an auditor. */
public final class ProcessingRecordPdf {

  private ProcessingRecordPdf() {}

  public static byte[] render(ProcessingRecord record) {
    try (PdfWriter writer = new PdfWriter("Record of processing activities")) {
      writer.line("Record of processing activities (GDPR Art. 30(1))", true, 18);
      writer.line("Generated " + record.generatedAt(), false, 10);
      writer.gap();
      writer.line("Controller: " + record.controller().name(), false, 11);
      writer.line("Contact: " + record.controller().contact(), false, 11);
      writer.line("Data protection officer: " + record.controller().dpo(), false, 11);
      writer.line("Supervisory authority: " + record.controller().authority(), false, 11);
      if (record.activities().isEmpty()) {
        writer.gap();
        writer.line("No approved application: no processing activity yet.", false, 11);
      }
      for (ProcessingActivity activity : record.activities()) {
        writer.gap();
        writer.line(activity.title(), true, 13);
        writer.line("Application " + activity.applicationId(), false, 9);
        list(writer, "Purposes", activity.purposes());
        writer.line("Legal basis: " + activity.legalBasis(), false, 10);
        list(writer, "Categories of data subjects", activity.dataSubjects());
        list(writer, "Categories of personal data", activity.dataCategories());
        list(writer, "Recipients", activity.recipients());
        list(
            writer,
            "Transfers to third countries",
            activity.transfers().isEmpty()
                ? java.util.List.of("none")
                : activity.transfers().stream()
                    .map(transfer -> transfer.country() + ": " + transfer.safeguard())
                    .toList());
        writer.line("Retention: " + activity.retention(), false, 10);
        writer.line(
            "Access: "
                + activity.from().map(Object::toString).orElse("not granted")
                + activity.until().map(until -> " to " + until).orElse(""),
            false,
            10);
        list(writer, "Security measures", activity.security());
      }
      return writer.bytes();
    }
  }

  private static void list(PdfWriter writer, String label, java.util.List<String> items) {
    writer.line(label + ":", true, 10);
    items.forEach(item -> writer.line("• " + item, false, 10));
  }
}
