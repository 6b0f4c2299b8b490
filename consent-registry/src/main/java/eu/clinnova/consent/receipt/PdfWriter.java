package eu.clinnova.consent.receipt;

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
 * A plain A4 document written top to bottom: wrapped lines in the standard fonts, a new page when
 * one is full. The portal's documents (receipts, the record of processing) are text, not layout.
 */
public final class PdfWriter implements AutoCloseable {

  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private final PDDocument document = new PDDocument();
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream content;
  private float y;

  /** A document titled {@code title} in its properties. */
  public PdfWriter(String title) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("Clinnova Portal");
    try {
      newPage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  public void gap() {
    y -= 8;
  }

  /** {@code text}, wrapped to the page's width, in bold when {@code strong}. */
  public void line(String text, boolean strong, float size) {
    PDType1Font font = strong ? bold : regular;
    try {
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
    } catch (IOException e) {
      throw new UncheckedIOException("the document could not be written", e);
    }
  }

  /** The document's bytes; the writer is done. */
  public byte[] bytes() {
    try {
      content.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the document could not be written", e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
}
