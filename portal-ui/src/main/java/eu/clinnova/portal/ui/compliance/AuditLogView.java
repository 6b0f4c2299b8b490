package eu.clinnova.portal.ui.compliance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.audit.log.EntrySearch;
import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.ProofVerifier;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteVerifier;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.identity.KeycloakStaff;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Search the audit log by time, action, actor and subject, newest first, a page at a time (keyset
 * paging, fast at millions of entries); open an entry to see its exact leaf and its inclusion proof
 * checked against the current signed checkpoint; export what was found.
 */
@Route(value = "compliance/audit-log", layout = MainLayout.class)
@RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
public class AuditLogView extends Main
    implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

  static final int PAGE = 50;

  private final AuditLogService auditLog;
  private final AuditFacts facts;
  private final DateTimePicker from = new DateTimePicker();
  private final DateTimePicker to = new DateTimePicker();
  private final TextField action = new TextField();
  private final TextField actor = new TextField();
  private final TextField subjectType = new TextField();
  private final TextField subjectId = new TextField();
  private final Grid<StoredEntry> grid = new Grid<>();
  private final Button older = new Button();
  private final Div detail = new Div();
  private final Paragraph status = new Paragraph();
  private final List<StoredEntry> shown = new ArrayList<>();
  private final Anchor csv = new Anchor();
  private final Anchor json = new Anchor();
  private EntrySearch search = EntrySearch.newest(PAGE);

  @Inject
  public AuditLogView(
      AuditLogService auditLog,
      KeycloakStaff staff,
      eu.clinnova.workflow.catalogue.DatasetCatalogue catalogue) {
    this.auditLog = auditLog;
    java.util.Map<String, String> titles = new java.util.HashMap<>();
    catalogue.entries(true).forEach(e -> titles.put(e.dataset().id(), e.dataset().title()));
    this.facts = new AuditFacts(this, staff, titles);
    setId("audit-log");
    addClassName("portal-page");
    add(new H1(getTranslation("audit.title")), new Paragraph(getTranslation("audit.intro")));
    add(filters(), results(), detail);
    runSearch();
  }

  private Section filters() {
    from.setDatePickerI18n(
        eu.clinnova.portal.ui.base.DatePickers.localised(new DatePicker(), this).getI18n());
    to.setDatePickerI18n(from.getDatePickerI18n());
    from.setLabel(getTranslation("audit.filter.from"));
    to.setLabel(getTranslation("audit.filter.to"));
    from.setHelperText(getTranslation("audit.filter.utc"));
    action.setLabel(getTranslation("audit.filter.action"));
    action.setHelperText(getTranslation("audit.filter.actionHelp"));
    actor.setLabel(getTranslation("audit.filter.actor"));
    subjectType.setLabel(getTranslation("audit.filter.subjectType"));
    subjectId.setLabel(getTranslation("audit.filter.subjectId"));
    action.setId("filter-action");
    subjectId.setId("filter-subject-id");
    FormLayout form = new FormLayout(from, to, action, actor, subjectType, subjectId);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("40em", 2),
        new FormLayout.ResponsiveStep("70em", 3));
    Button searchButton = new Button(getTranslation("audit.search"), click -> runSearch());
    searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    searchButton.setId("search");
    searchButton.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
    H2 heading = new H2(getTranslation("audit.filter.heading"));
    heading.setId("filters-heading");
    Section section = new Section(heading, form, searchButton);
    section.getElement().setAttribute("aria-labelledby", "filters-heading");
    return section;
  }

  private Section results() {
    grid.addColumn(StoredEntry::index)
        .setHeader(getTranslation("audit.column.index"))
        .setAutoWidth(true);
    // On the network's clock like every page; the entry itself (below) keeps the UTC instant.
    grid.addColumn(
            entry ->
                eu.clinnova.portal.ui.base.NetworkTime.dateTimeSeconds(entry.time(), getLocale()))
        .setHeader(getTranslation("audit.column.time"))
        .setAutoWidth(true);
    grid.addColumn(entry -> facts.action(entry.action()))
        .setHeader(getTranslation("audit.column.action"))
        .setAutoWidth(true);
    grid.addColumn(entry -> facts.actor(entry.actorRole(), entry.actorSub()))
        .setHeader(getTranslation("audit.column.actor"))
        .setAutoWidth(true);
    grid.addColumn(entry -> entry.subjectType() + " " + entry.subjectId())
        .setHeader(getTranslation("audit.column.subject"))
        .setAutoWidth(true);
    grid.setId("entries");
    grid.setAriaLabel(getTranslation("audit.results"));
    grid.setHeight("26rem");
    grid.addSelectionListener(
        selection -> selection.getFirstSelectedItem().ifPresent(this::showDetail));

    older.setText(getTranslation("audit.older"));
    older.setId("older");
    older.addClickListener(click -> loadPage(false));
    status.setId("results-status");
    status.getElement().setAttribute("role", "status");

    csv.setText(getTranslation("audit.export.csv"));
    json.setText(getTranslation("audit.export.json"));
    csv.setId("export-csv");
    json.setId("export-json");
    csv.getElement().setAttribute("download", true);
    json.getElement().setAttribute("download", true);
    FlexLayout actions = new FlexLayout(older, csv, json);
    actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    actions.setAlignItems(FlexLayout.Alignment.CENTER);
    actions.getStyle().set("gap", "var(--lumo-space-m)");

    H2 heading = new H2(getTranslation("audit.results"));
    heading.setId("results-heading");
    Section section = new Section(heading, status, grid, actions);
    section.getElement().setAttribute("aria-labelledby", "results-heading");
    return section;
  }

  /**
   * {@code ?subject=<id>} (the releases page links each decision so): the entries about that
   * subject, the only one opened with its proof.
   */
  @Override
  public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
    List<String> subject = event.getLocation().getQueryParameters().getParameters().get("subject");
    if (subject != null && !subject.isEmpty() && !subject.get(0).isBlank()) {
      subjectId.setValue(subject.get(0));
      runSearch();
      if (shown.size() == 1) {
        grid.select(shown.get(0));
      }
    }
  }

  private void runSearch() {
    search =
        new EntrySearch(
            instant(from.getValue()),
            instant(to.getValue()),
            action.getValue(),
            actor.getValue(),
            subjectType.getValue(),
            subjectId.getValue(),
            null,
            PAGE);
    shown.clear();
    detail.removeAll();
    loadPage(true);
    EntrySearch exported = search;
    Downloads.retarget(
        csv, "audit-log.csv", "text/csv; charset=UTF-8", () -> AuditExport.csv(auditLog, exported));
    Downloads.retarget(
        json, "audit-log.json", "application/json", () -> AuditExport.json(auditLog, exported));
  }

  private void loadPage(boolean first) {
    EntrySearch page =
        first || shown.isEmpty() ? search : search.after(shown.get(shown.size() - 1).index());
    List<StoredEntry> entries = auditLog.search(page);
    shown.addAll(entries);
    grid.setItems(shown);
    older.setEnabled(entries.size() == PAGE);
    status.setText(getTranslation("audit.shown", shown.size()));
  }

  private void showDetail(StoredEntry entry) {
    detail.removeAll();
    detail.setId("entry-detail");
    long size = auditLog.treeSize();
    String note = auditLog.checkpoint();
    Checkpoint checkpoint = Checkpoint.verify(note, NoteVerifier.of(auditLog.verifierKey()));
    List<byte[]> proof = auditLog.inclusionProof(entry.index(), checkpoint.size());
    // The leaf shown is hashed again here: a row whose leaf was edited while its stored hash was
    // kept must not pass for included (the stored hash alone proves nothing about the text).
    byte[] shownLeafHash = Hashes.leaf(entry.leaf());
    boolean included =
        MessageDigest.isEqual(shownLeafHash, entry.leafHash())
            && ProofVerifier.verifyInclusion(
                entry.index(), checkpoint.size(), shownLeafHash, proof, checkpoint.rootHash());
    H2 heading = new H2(getTranslation("audit.detail.heading", entry.index()));
    Pre leafText = new Pre(new String(entry.leaf(), StandardCharsets.UTF_8));
    leafText.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
    // The facts in words first; the exact bytes that were hashed one click away.
    Details leaf = new Details(getTranslation("audit.detail.raw"), leafText);
    leaf.setId("entry-raw");
    Paragraph hash =
        new Paragraph(
            getTranslation("audit.detail.leafHash")
                + " "
                + Base64.getEncoder().encodeToString(entry.leafHash()));
    Paragraph verdict =
        new Paragraph(
            getTranslation(
                included ? "audit.detail.included" : "audit.detail.notIncluded",
                checkpoint.size()));
    verdict.setId("inclusion-verdict");
    verdict.getElement().setAttribute("role", "status");
    StringBuilder proofText = new StringBuilder();
    proof.forEach(step -> proofText.append(Base64.getEncoder().encodeToString(step)).append('\n'));
    Pre proofHashes = new Pre(proofText.toString());
    proofHashes.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
    detail.add(
        heading,
        facts.facts(entry),
        leaf,
        hash,
        verdict,
        new Paragraph(getTranslation("audit.detail.proof", proof.size(), size)),
        proofHashes);
  }

  private static Instant instant(LocalDateTime value) {
    return value == null
        ? null
        : value.atZone(eu.clinnova.portal.ui.base.NetworkTime.ZONE).toInstant();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("audit.title") + " · " + getTranslation("app.name");
  }
}
