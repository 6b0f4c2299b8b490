package eu.clinnova.messages.preference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code messages.preference}: one account's choices, replaced when it changes them. */
@Entity
@Table(schema = "messages", name = "preference")
class PreferenceRow {

  @Id private String account;

  private String psn;

  @Column(nullable = false)
  private String language;

  @Column(name = "email_tasks", nullable = false)
  private boolean emailTasks;

  @Column(name = "email_decisions", nullable = false)
  private boolean emailDecisions;

  @Column(name = "email_releases_of_my_data", nullable = false)
  private boolean emailReleasesOfMyData;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected PreferenceRow() {}

  PreferenceRow(String account) {
    this.account = account;
  }

  void set(Preferences preferences, String psn, Instant at) {
    this.psn = psn;
    language = preferences.language();
    emailTasks = preferences.emailTasks();
    emailDecisions = preferences.emailDecisions();
    emailReleasesOfMyData = preferences.emailReleasesOfMyData();
    updatedAt = at;
  }

  Preferences preferences() {
    return new Preferences(language, emailTasks, emailDecisions, emailReleasesOfMyData);
  }
}
