package eu.clinnova.portal.api;

import jakarta.ws.rs.core.EntityPart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The file part of a multipart upload: its declared type, its name, and its bytes, capped. */
public record UploadedFile(String fileName, String declaredType, byte[] content) {

  /**
   * The part named {@code file}, read up to {@code maxBytes} (one more byte throws {@code
   * tooLarge}, so an oversize file is refused without reading it all).
   */
  public static Optional<UploadedFile> of(
      List<EntityPart> parts, int maxBytes, Supplier<RuntimeException> tooLarge) {
    Optional<EntityPart> file =
        parts.stream().filter(part -> "file".equals(part.getName())).findFirst();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    EntityPart part = file.get();
    String declared =
        part.getMediaType() == null
            ? null
            : part.getMediaType().getType() + "/" + part.getMediaType().getSubtype();
    if ("application/octet-stream".equals(declared)) {
      declared = null;
    }
    String name = part.getFileName().orElse(null);
    return Optional.of(
        new UploadedFile(name, declared, read(part.getContent(), maxBytes, tooLarge)));
  }

  private static byte[] read(InputStream in, int maxBytes, Supplier<RuntimeException> tooLarge) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        out.write(buffer, 0, read);
        if (out.size() > maxBytes) {
          throw tooLarge.get();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
