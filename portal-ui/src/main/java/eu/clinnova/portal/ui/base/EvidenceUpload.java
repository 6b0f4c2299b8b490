package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.util.function.BiConsumer;

/**
 * An upload of one piece of evidence (a scan, a letter: PDF, PNG or JPEG) kept in memory, handed to
 * the service in the UI's thread. What the service answers goes to a status line; the file list is
 * cleared after each file, so a refused file neither shows as done nor blocks the next try. The
 * service checks the bytes again (the browser's type is only a hint).
 */
public final class EvidenceUpload {

  private EvidenceUpload() {}

  /**
   * An upload with {@code id}, of at most {@code maxBytes}; {@code received} gets each file's name,
   * declared type and bytes, and says what happened in {@code status}.
   */
  public static Upload of(
      String id, int maxBytes, Paragraph status, BiConsumer<UploadMetadata, byte[]> received) {
    return of(
        id,
        maxBytes,
        status,
        received,
        "application/pdf",
        "image/png",
        "image/jpeg",
        ".pdf",
        ".png",
        ".jpg",
        ".jpeg");
  }

  /** An upload of one file of the {@code accepted} types (media types and name endings). */
  public static Upload of(
      String id,
      int maxBytes,
      Paragraph status,
      BiConsumer<UploadMetadata, byte[]> received,
      String... accepted) {
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, data) ->
                ui.access(
                    () -> {
                      received.accept(metadata, data);
                      upload.clearFileList();
                    })));
    upload.setId(id);
    upload.setMaxFiles(1);
    upload.setMaxFileSize(maxBytes);
    upload.setAcceptedFileTypes(accepted);
    upload.addFileRejectedListener(
        event -> {
          status.setText(event.getErrorMessage());
          upload.clearFileList();
        });
    return upload;
  }
}
