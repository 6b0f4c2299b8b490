package eu.clinnova.messages.delivery;

import eu.clinnova.messages.text.MessageTexts;
import java.net.URI;

/**
 * How the sender writes and retries: the portal's public address (links in the texts, and the host
 * of each Message-ID) and the back-off. The portal produces it from its configuration.
 */
public record MessageSettings(URI publicUrl, Backoff backoff) {

  public MessageTexts texts() {
    return new MessageTexts(publicUrl);
  }

  /** The host part of the Message-IDs: the portal's own name. */
  public String messageIdHost() {
    String host = publicUrl.getHost();
    return host == null || host.isBlank() ? "clinnova.invalid" : host;
  }
}
