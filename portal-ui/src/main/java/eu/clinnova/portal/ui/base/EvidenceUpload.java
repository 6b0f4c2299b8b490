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
    UI ui = UI.getCurrent();
    Upload[] upload = new Upload[1];
    upload[0] =
        new Upload(
            UploadHandler.inMemory(
                (metadata, data) ->
                    ui.access(
                        () -> {
                          received.accept(metadata, data);
                          upload[0].clearFileList();
                        })));
    upload[0].setId(id);
    upload[0].setMaxFiles(1);
    upload[0].setMaxFileSize(maxBytes);
    upload[0].setAcceptedFileTypes(
        "application/pdf", "image/png", "image/jpeg", ".pdf", ".png", ".jpg", ".jpeg");
    upload[0].addFileRejectedListener(
        event -> {
          status.setText(event.getErrorMessage());
          upload[0].clearFileList();
        });
    return upload[0];
  }
}
