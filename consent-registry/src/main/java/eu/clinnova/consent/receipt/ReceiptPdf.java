package eu.clinnova.consent.receipt;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Receipts and statements as one- or two-page PDFs in the patient's language, written from the same
 * JSON fields as their machine-readable form so that the two never disagree; times on the network's
 * clock with the zone named, not in UTC.
 */
public final class ReceiptPdf {

  private ReceiptPdf() {}

  /** A receipt of one record ({@link ConsentReceipt}). */
  public static byte[] render(JsonObject receipt) {
    String language = receipt.getString("language");
    try (PdfWriter writer =
        new PdfWriter(
            ReceiptTexts.text(language, "title") + " " + receipt.getString("receiptId"))) {
      writer.line(ReceiptTexts.text(language, "title"), true, 18);
      writer.line(ReceiptTexts.text(language, receipt.getString("state")), true, 13);
      writer.gap();
      field(writer, language, "receipt", receipt.getString("receiptId"));
      field(writer, language, "recorded", ReceiptTime.of(receipt.getString("timestamp"), language));
      subjectAndController(writer, language, receipt);
      JsonObject signer = receipt.getJsonObject("signer");
      String signedBy = ReceiptTexts.text(language, signer.getString("kind"));
      if (signer.containsKey("name")) {
        signedBy += colon(language) + signer.getString("name");
      }
      field(writer, language, "signer", signedBy);
      if (receipt.containsKey("notice")) {
        JsonObject notice = receipt.getJsonObject("notice");
        field(
            writer,
            language,
            "form",
            notice.getString("formId")
                + " v"
                + notice.getInt("formVersion")
                + " ("
                + notice.getString("language")
                + ")");
        field(writer, language, "hash", notice.getString("textSha256"));
      }
      writer.gap();
      writer.line(ReceiptTexts.text(language, "decisions"), true, 12);
      for (JsonValue value : receipt.getJsonArray("purposes")) {
        JsonObject purpose = value.asJsonObject();
        String line =
            purpose.getString("title")
                + " ("
                + purpose.getString("module")
                + ")"
                + colon(language)
                + ReceiptTexts.text(language, purpose.getString("decision"));
        writer.line("• " + line + dated(purpose, "validUntil", "until", language), false, 11);
      }
      writer.gap();
      writer.line(receipt.getString("withdrawalMethod"), false, 10);
      return writer.bytes();
    }
  }

  /** A statement of the patient's choices at one instant ({@link ConsentStatement}). */
  public static byte[] renderStatement(JsonObject statement) {
    String language = statement.getString("language");
    String title = ReceiptTexts.text(language, "statement.title");
    try (PdfWriter writer = new PdfWriter(title)) {
      writer.line(title, true, 18);
      writer.line(
          ReceiptTexts.text(language, "statement.summary")
              .replace("{allowed}", String.valueOf(statement.getInt("allowed")))
              .replace("{total}", String.valueOf(statement.getInt("total"))),
          true,
          13);
      writer.gap();
      field(
          writer,
          language,
          "statement.asOf",
          ReceiptTime.of(statement.getString("timestamp"), language));
      subjectAndController(writer, language, statement);
      writer.gap();
      writer.line(ReceiptTexts.text(language, "decisions"), true, 12);
      for (JsonValue value : statement.getJsonArray("purposes")) {
        JsonObject purpose = value.asJsonObject();
        String line =
            purpose.getString("title")
                + colon(language)
                + ReceiptTexts.text(language, purpose.getString("decision"));
        writer.line(
            "• "
                + line
                + dated(purpose, "since", "since", language)
                + dated(purpose, "validUntil", "until", language),
            false,
            11);
      }
      writer.gap();
      writer.line(ReceiptTexts.text(language, "statement.note"), false, 10);
      writer.line(statement.getString("withdrawalMethod"), false, 10);
      return writer.bytes();
    }
  }

  private static void subjectAndController(PdfWriter writer, String language, JsonObject json) {
    field(writer, language, "pseudonym", json.getJsonObject("dataSubject").getString("pseudonym"));
    field(
        writer,
        language,
        "jurisdiction",
        ReceiptTexts.text(language, "jurisdiction." + json.getString("jurisdiction")));
    JsonObject controller = json.getJsonObject("controller");
    field(
        writer,
        language,
        "controller",
        controller.getString("name") + " (" + controller.getString("contact") + ")");
  }

  private static void field(PdfWriter writer, String language, String label, String value) {
    writer.line(ReceiptTexts.text(language, label) + colon(language) + value, false, 10);
  }

  /** ", until 28 Nov 2056" when the purpose has {@code field}, else nothing. */
  private static String dated(JsonObject purpose, String field, String label, String language) {
    return purpose.get(field) instanceof JsonString date
        ? ", "
            + ReceiptTexts.text(language, label)
            + " "
            + ReceiptTime.date(date.getString(), language)
        : "";
  }

  /** French puts a space before a colon. */
  private static String colon(String language) {
    return "fr".equals(language) ? " : " : ": ";
  }
}
