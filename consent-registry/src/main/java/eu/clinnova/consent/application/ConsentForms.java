package eu.clinnova.consent.application;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormChange;
import eu.clinnova.consent.form.FormDiff;
import eu.clinnova.consent.form.FormDocument;
import eu.clinnova.consent.form.FormDraft;
import eu.clinnova.consent.form.FormPreview;
import eu.clinnova.consent.infrastructure.FormStore;
import eu.clinnova.consent.infrastructure.ReconsentStore;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.messages.outbox.Letter;
import eu.clinnova.messages.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Publishing and reading consent forms. A new version must be the next number; a major version asks
 * everyone whose consent rests on an older version to consent again (when the jurisdiction's policy
 * says so), in the same transaction as the form and its audit entry.
 */
@ApplicationScoped
public class ConsentForms {

  /** The seed forms shipped with the portal, one per jurisdiction, in English, French, German. */
  public static final List<String> SEED_FORMS =
      List.of(
          "lu-research-consent",
          "fr-research-information",
          "de-broad-consent",
          "ch-general-consent");

  /** A published version and how many patients were asked to consent again. */
  public record Published(ConsentForm form, int reconsentRequests, PendingAudit audit) {}

  private static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();

  private final DataSource dataSource;
  private final AuditTrail auditLog;
  private final FormStore forms;
  private final Clock clock;
  private final ReconsentStore reconsent = new ReconsentStore();

  @Inject
  public ConsentForms(DataSource dataSource, AuditTrail auditLog, FormStore forms, Clock clock) {
    this.dataSource = dataSource;
    this.auditLog = auditLog;
    this.forms = forms;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected ConsentForms() {
    this(null, null, null, null);
  }

  /**
   * An administrator publishes a form version, parsed at the edge; it is published now, by this
   * service's clock. Who publishes is checked before what.
   */
  @Transactional
  public Published publish(Caller caller, FormDocument.Parsed parsed) {
    if (!caller.has(Role.ADMIN)) {
      throw Refusal.forbidden("Only an administrator publishes consent forms.");
    }
    if (parsed instanceof FormDocument.Parsed.Invalid invalid) {
      throw Refusal.invalid("The form is invalid.", invalid.problems());
    }
    return publish(
        ((FormDocument.Parsed.Valid) parsed).form().publishedAt(now()),
        Actors.of(caller, Role.ADMIN));
  }

  /** The seed forms that are not published yet, published by the portal itself. */
  @Transactional
  public List<Published> publishSeedForms() {
    List<Published> published = new ArrayList<>();
    for (String id : SEED_FORMS) {
      if (latest(id).isEmpty()) {
        published.add(publish(seedForm(id, now()), AuditEvent.Actor.system()));
      }
    }
    return published;
  }

  private Published publish(ConsentForm form, AuditEvent.Actor actor) {
    try (Connection connection = dataSource.getConnection()) {
      forms.lockForPublishing(form.id());
      Optional<ConsentForm> latest = forms.latest(form.id());
      int expected = latest.map(previous -> previous.version() + 1).orElse(1);
      if (form.version() != expected) {
        throw Refusal.conflict(
            "form-version-conflict",
            "The next version of form "
                + form.id()
                + " is "
                + expected
                + ", not "
                + form.version());
      }
      if (latest.isPresent() && !latest.get().jurisdiction().equals(form.jurisdiction())) {
        throw Refusal.invalid(
            "jurisdiction",
            "form " + form.id() + " belongs to " + latest.get().jurisdiction() + "; use a new id");
      }
      forms.insert(form, actor.sub());
      int requests = 0;
      if (form.change() == FormChange.MAJOR
          && POLICIES.of(form.jurisdiction()).orElseThrow().reconsentOnMajorVersion()) {
        List<String> asked =
            reconsent.requestForOlderVersions(
                connection, form.id(), form.version(), form.publishedAt());
        requests = asked.size();
        // Each patient asked is told by e-mail, in the same transaction (ADR 0024).
        Outbox.on(connection)
            .postAll(
                asked.stream()
                    .map(
                        psn ->
                            new Letter(
                                Letter.patient(psn),
                                "reconsent-requested",
                                Optional.empty(),
                                Optional.of(form.jurisdiction()),
                                Map.of(),
                                "/patient"))
                    .toList(),
                form.publishedAt());
      }
      Map<String, Object> hashes = new LinkedHashMap<>();
      form.languages().forEach(language -> hashes.put(language, form.textSha256(language)));
      PendingAudit audit =
          auditLog.record(
              new AuditEvent(
                  actor,
                  "consent-form.published",
                  new AuditEvent.Subject("consent-form", form.id() + "/" + form.version()),
                  Map.of(
                      "formId", form.id(),
                      "version", form.version(),
                      "jurisdiction", form.jurisdiction(),
                      "change", form.change().code(),
                      "textSha256", hashes,
                      "reconsentRequests", requests)));
      return new Published(form, requests, audit);
    } catch (SQLException e) {
      throw new IllegalStateException("the form could not be published", e);
    }
  }

  /**
   * An administrator saves the next version of a form as its draft (replacing the draft before): it
   * must be the form's next number, in its jurisdiction. Nothing is in force until {@link
   * #publishDraft}. Which form is checked before what the draft says.
   */
  @Transactional
  public FormDraft saveDraft(Caller caller, String formId, FormDocument.Parsed parsed) {
    ConsentForm inForce = formInForce(caller, formId);
    if (parsed instanceof FormDocument.Parsed.Invalid invalid) {
      throw Refusal.invalid("The draft is invalid.", invalid.problems());
    }
    ConsentForm form = ((FormDocument.Parsed.Valid) parsed).form();
    if (!form.id().equals(formId)) {
      throw Refusal.invalid("id", "must be " + formId + ", the form this draft is of");
    }
    if (!form.jurisdiction().equals(inForce.jurisdiction())) {
      throw Refusal.invalid("jurisdiction", "must be " + inForce.jurisdiction() + ", the form's");
    }
    if (form.version() != inForce.version() + 1) {
      throw Refusal.invalid(
          "version", "must be " + (inForce.version() + 1) + ", the version after the one in force");
    }
    FormDraft draft = new FormDraft(form, caller.subject(), now());
    forms.saveDraft(draft);
    return draft;
  }

  /** The form's draft, for an administrator. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<FormDraft> draft(Caller caller, String formId) {
    formInForce(caller, formId);
    return forms.draft(formId);
  }

  /** An administrator throws the form's draft away; false if there was none. */
  @Transactional
  public boolean discardDraft(Caller caller, String formId) {
    formInForce(caller, formId);
    return forms.discardDraft(formId);
  }

  /**
   * The draft against the version in force: each changed text in each language, and how many
   * patients a major version would ask again (as {@link #publish} would ask them, now).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<FormPreview> preview(Caller caller, String formId) {
    ConsentForm inForce = formInForce(caller, formId);
    boolean reconsent = POLICIES.of(inForce.jurisdiction()).orElseThrow().reconsentOnMajorVersion();
    return forms
        .draft(formId)
        .map(
            draft ->
                new FormPreview(
                    draft,
                    inForce,
                    FormDiff.between(inForce, draft.form()),
                    reconsent,
                    forms.consenters(formId)));
  }

  /**
   * An administrator publishes the form's draft as it stands (minor or major, as the draft says),
   * now; the draft goes. If another version was published since the draft was saved, this is a
   * conflict and the draft stays, to be brought up to date.
   */
  @Transactional
  public Published publishDraft(Caller caller, String formId) {
    formInForce(caller, formId);
    FormDraft draft =
        forms.draft(formId).orElseThrow(() -> Refusal.notFound("This form has no draft."));
    Published published = publish(draft.form().publishedAt(now()), Actors.of(caller, Role.ADMIN));
    forms.discardDraft(formId);
    return published;
  }

  private ConsentForm formInForce(Caller caller, String formId) {
    if (!caller.has(Role.ADMIN)) {
      throw Refusal.forbidden("Only an administrator prepares consent forms.");
    }
    return forms.latest(formId).orElseThrow(() -> Refusal.notFound("No such form."));
  }

  /** The current version of every form. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ConsentForm> active() {
    return forms.active();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ConsentForm> latest(String id) {
    return forms.latest(id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ConsentForm> find(String id, int version) {
    return forms.find(id, version);
  }

  /** A seed form from the portal's resources, as version 1 published at the given instant. */
  public static ConsentForm seedForm(String id, Instant publishedAt) {
    try (InputStream in = ConsentForms.class.getResourceAsStream("/forms/" + id + ".json");
        var reader = JSON.createReader(in)) {
      FormDocument.Parsed parsed =
          FormDocument.parse(reader.readObject(), publishedAt.truncatedTo(ChronoUnit.MILLIS));
      if (parsed instanceof FormDocument.Parsed.Valid valid) {
        return valid.form();
      }
      throw new IllegalStateException("seed form " + id + " is invalid: " + parsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
