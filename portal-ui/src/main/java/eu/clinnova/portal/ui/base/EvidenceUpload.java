package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.util.List;
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
    upload.setI18n(texts(ui, maxBytes));
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

  /** The widget's words in the user's language (it is English otherwise, whatever the page). */
  static UploadI18N texts(UI ui, int maxBytes) {
    String megabytes =
        String.format(ui.getLocale(), "%.1f", maxBytes / (1024.0 * 1024.0)).replace(".0", "");
    return new UploadI18N()
        .setDropFiles(
            new UploadI18N.DropFiles()
                .setOne(ui.getTranslation("upload.drop"))
                .setMany(ui.getTranslation("upload.drop")))
        .setAddFiles(
            new UploadI18N.AddFiles()
                .setOne(ui.getTranslation("upload.add"))
                .setMany(ui.getTranslation("upload.add")))
        .setError(
            new UploadI18N.Error()
                .setTooManyFiles(ui.getTranslation("upload.tooMany"))
                .setFileIsTooBig(ui.getTranslation("upload.tooBig", megabytes))
                .setIncorrectFileType(ui.getTranslation("upload.wrongType")))
        .setUploading(
            new UploadI18N.Uploading()
                .setStatus(
                    new UploadI18N.Uploading.Status()
                        .setConnecting(ui.getTranslation("upload.connecting"))
                        .setStalled(ui.getTranslation("upload.stalled"))
                        .setProcessing(ui.getTranslation("upload.processing"))
                        .setHeld(ui.getTranslation("upload.held")))
                .setRemainingTime(
                    new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(ui.getTranslation("upload.remaining"))
                        .setUnknown(ui.getTranslation("upload.remainingUnknown")))
                .setError(
                    new UploadI18N.Uploading.Error()
                        .setServerUnavailable(ui.getTranslation("upload.serverUnavailable"))
                        .setUnexpectedServerError(ui.getTranslation("upload.serverError"))
                        .setForbidden(ui.getTranslation("upload.forbidden"))))
        .setFile(
            new UploadI18N.File()
                .setRetry(ui.getTranslation("upload.retry"))
                .setStart(ui.getTranslation("upload.start"))
                .setRemove(ui.getTranslation("upload.remove")))
        .setUnits(List.of("B", "kB", "MB", "GB", "TB"));
  }
}
