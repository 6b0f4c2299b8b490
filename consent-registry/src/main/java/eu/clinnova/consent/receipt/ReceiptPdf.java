package eu.clinnova.consent.receipt;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The receipt as a one- or two-page PDF in the signer's language, written from the same JSON fields
 * as the machine-readable receipt so that the two never disagree.
 */
public final class ReceiptPdf {

  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private ReceiptPdf() {}

  public static byte[] render(JsonObject receipt) {
    String language = receipt.getString("language");
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(ReceiptTexts.text(language, "title") + " " + receipt.getString("receiptId"));
      info.setCreator("Clinnova Portal");
      Writer writer = new Writer(document);
      writer.line(ReceiptTexts.text(language, "title"), true, 18);
      writer.line(ReceiptTexts.text(language, receipt.getString("state")), true, 13);
      writer.gap();
      writer.field(language, "receipt", receipt.getString("receiptId"));
      writer.field(language, "recorded", receipt.getString("timestamp"));
      writer.field(
          language, "pseudonym", receipt.getJsonObject("dataSubject").getString("pseudonym"));
      writer.field(language, "jurisdiction", receipt.getString("jurisdiction"));
      JsonObject controller = receipt.getJsonObject("controller");
      writer.field(
          language,
          "controller",
          controller.getString("name") + " (" + controller.getString("contact") + ")");
      JsonObject signer = receipt.getJsonObject("signer");
      String signedBy = ReceiptTexts.text(language, signer.getString("kind"));
      if (signer.containsKey("name")) {
        signedBy += ": " + signer.getString("name");
      }
      writer.field(language, "signer", signedBy);
      if (receipt.containsKey("notice")) {
        JsonObject notice = receipt.getJsonObject("notice");
        writer.field(
            language,
            "form",
            notice.getString("formId")
                + " v"
                + notice.getInt("formVersion")
                + " ("
                + notice.getString("language")
                + ")");
        writer.field(language, "hash", notice.getString("textSha256"));
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
      writer.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the receipt could not be rendered", e);
    }
  }

  /** Writes wrapped lines top to bottom, starting a page when one is full. */
  private static final class Writer {
    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    Writer(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void field(String language, String label, String value) throws IOException {
      line(ReceiptTexts.text(language, label) + ": " + value, false, 10);
    }

    void gap() {
      y -= 8;
    }

    void line(String text, boolean strong, float size) throws IOException {
      PDType1Font font = strong ? bold : regular;
      for (String wrapped : wrap(encodable(font, text), font, size)) {
        if (y < MARGIN + size) {
          newPage();
        }
        y -= size * 1.4f;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN, y);
        content.showText(wrapped);
        content.endText();
      }
    }

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !line.isEmpty()) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      lines.add(line.toString());
      return lines;
    }

    /** The standard fonts cover Western European letters; anything else becomes '?'. */
    private static String encodable(PDType1Font font, String text) {
      StringBuilder out = new StringBuilder();
      text.codePoints()
          .forEach(
              codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                  font.encode(character);
                  out.append(character);
                } catch (IOException | IllegalArgumentException e) {
                  out.append('?');
                }
              });
      return out.toString();
    }

    void close() throws IOException {
      content.close();
    }
  }
}
