package eu.clinnova.workflow.register;

import eu.clinnova.consent.receipt.Controllers;
import java.time.Instant;
import java.util.List;

/** The record of processing activities as of {@code generatedAt}, under its controller. */
public record ProcessingRecord(
    Controllers.Controller controller, Instant generatedAt, List<ProcessingActivity> activities) {

  public ProcessingRecord {
    activities = List.copyOf(activities);
  }
}
