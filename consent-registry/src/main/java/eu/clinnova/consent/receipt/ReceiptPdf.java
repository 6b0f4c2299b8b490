package eu.clinnova.consent.receipt;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The receipt as a one- or two-page PDF in the signer's language, written from the same JSON fields
 * as the machine-readable receipt so that the two never disagree.
 */
public final class ReceiptPdf {

  private ReceiptPdf() {}

  public static byte[] render(JsonObject receipt) {
    String language = receipt.getString("language");
    try (PdfWriter writer =
        new PdfWriter(
            ReceiptTexts.text(language, "title") + " " + receipt.getString("receiptId"))) {
      writer.line(ReceiptTexts.text(language, "title"), true, 18);
      writer.line(ReceiptTexts.text(language, receipt.getString("state")), true, 13);
      writer.gap();
      field(writer, language, "receipt", receipt.getString("receiptId"));
      field(writer, language, "recorded", receipt.getString("timestamp"));
      field(
          writer,
          language,
          "pseudonym",
          receipt.getJsonObject("dataSubject").getString("pseudonym"));
      field(writer, language, "jurisdiction", receipt.getString("jurisdiction"));
      JsonObject controller = receipt.getJsonObject("controller");
      field(
          writer,
          language,
          "controller",
          controller.getString("name") + " (" + controller.getString("contact") + ")");
      JsonObject signer = receipt.getJsonObject("signer");
      String signedBy = ReceiptTexts.text(language, signer.getString("kind"));
      if (signer.containsKey("name")) {
        signedBy += ": " + signer.getString("name");
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
                + "): "
                + ReceiptTexts.text(language, purpose.getString("decision"));
        if (purpose.get("validUntil") instanceof JsonString until) {
          line += ", " + ReceiptTexts.text(language, "until") + " " + until.getString();
        }
        writer.line("• " + line, false, 11);
      }
      writer.gap();
      writer.line(receipt.getString("withdrawalMethod"), false, 10);
      return writer.bytes();
    }
  }

  private static void field(PdfWriter writer, String language, String label, String value) {
    writer.line(ReceiptTexts.text(language, label) + ": " + value, false, 10);
  }
}
