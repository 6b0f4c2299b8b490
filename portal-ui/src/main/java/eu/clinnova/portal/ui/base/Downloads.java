package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import eu.clinnova.portal.http.ContentDisposition;

/**
 * Files the UI hands out (attachments, receipts, exports): always saved, never shown in the
 * portal's origin, with the type the portal knows them to be (for uploads: the type their bytes
 * were checked to be, not the one their name suggests); {@code nosniff} comes with every response
 * ({@code SecurityHeaders}). Their address falls under the data policy of {@code SecurityHeaders}
 * (sandboxed, runs nothing).
 */
public final class Downloads {

  private Downloads() {}

  /** A link that saves {@code content()} as {@code fileName} of type {@code mediaType}. */
  public static Anchor link(
      String text, String fileName, String mediaType, SerializableSupplier<byte[]> content) {
    return new Anchor(handler(fileName, mediaType, content), AttachmentType.DOWNLOAD, text);
  }

  /** For a link whose target changes (an export of the current search). */
  public static void retarget(
      Anchor link, String fileName, String mediaType, SerializableSupplier<byte[]> content) {
    link.setHref(handler(fileName, mediaType, content), AttachmentType.DOWNLOAD);
  }

  static DownloadHandler handler(
      String fileName, String mediaType, SerializableSupplier<byte[]> content) {
    return event -> {
      byte[] bytes = content.get();
      event.setContentType(mediaType);
      event.setContentLength(bytes.length);
      event.getResponse().setHeader("Content-Disposition", ContentDisposition.attachment(fileName));
      event.getResponse().setHeader("Cache-Control", "no-store");
      event.getOutputStream().write(bytes);
    };
  }
}
