package eu.clinnova.workflow.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One processing activity of the record: an approved application's use of the network's data. */
public record ProcessingActivity(
    UUID applicationId,
    String title,
    List<String> purposes,
    String legalBasis,
    List<String> dataSubjects,
    List<String> dataCategories,
    List<String> recipients,
    List<Transfer> transfers,
    String retention,
    List<String> security,
    Optional<Instant> from,
    Optional<Instant> until) {

  /** A transfer to a third country and the safeguard it rests on (GDPR Chapter V). */
  public record Transfer(String country, String safeguard) {}

  public ProcessingActivity {
    purposes = List.copyOf(purposes);
    dataSubjects = List.copyOf(dataSubjects);
    dataCategories = List.copyOf(dataCategories);
    recipients = List.copyOf(recipients);
    transfers = List.copyOf(transfers);
    security = List.copyOf(security);
  }
}
