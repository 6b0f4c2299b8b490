package eu.clinnova.messages.outbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A message to post: to whom (an account id, a group of the review such as {@code dac-LU}, {@code
 * admin}, or {@code patient:LU-0001}), of which kind, about which application, with the facts its
 * text names (such as the application's {@code title}) and the portal page it leads to; {@code
 * except} names accounts the recipient stands for that must not get it (members who have voted).
 */
public record Letter(
    String recipient,
    String kind,
    Optional<UUID> applicationId,
    Optional<String> jurisdiction,
    Map<String, String> facts,
    String link,
    Set<String> except) {

  public Letter {
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("a letter needs a recipient");
    }
    if (kind == null || !kind.matches("[a-z][a-z0-9-]{1,60}")) {
      throw new IllegalArgumentException("not a kind of message: " + kind);
    }
    if (link == null || !link.startsWith("/")) {
      throw new IllegalArgumentException("a letter links to a page of the portal: " + link);
    }
    facts = Map.copyOf(facts);
    except = Set.copyOf(except);
  }

  /** A letter to everyone the recipient stands for. */
  public Letter(
      String recipient,
      String kind,
      Optional<UUID> applicationId,
      Optional<String> jurisdiction,
      Map<String, String> facts,
      String link) {
    this(recipient, kind, applicationId, jurisdiction, facts, link, Set.of());
  }

  /** The recipient that stands for the patient with this pseudonym (their account, if any). */
  public static String patient(String psn) {
    return "patient:" + psn;
  }
}
