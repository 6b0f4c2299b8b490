package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import eu.clinnova.consent.application.SafeFileName;
import eu.clinnova.consent.application.SubjectCounts;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.application.ApplicationAttachment;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.ApplicationEvent;
import eu.clinnova.workflow.application.ApplicationFile;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.application.EthicsApproval;
import eu.clinnova.workflow.application.JurisdictionReview;
import eu.clinnova.workflow.application.Purpose;
import eu.clinnova.workflow.application.TeamMember;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoMatch;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.process.Vote;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An application as people read it: where it stands in each jurisdiction, what it asks (with the
 * DUO match of each dataset and its reasons), its ethics evidence and files, the timeline, and its
 * entitlements; for reviewers also what changed and the votes so far.
 */
final class ApplicationSummary {

  private final Component page;
  private final ApplicationQueries queries;
  private final Caller caller;

  ApplicationSummary(Component page, ApplicationQueries queries, Caller caller) {
    this.page = page;
    this.queries = queries;
    this.caller = caller;
  }

  private String t(String key, Object... params) {
    return page.getTranslation(key, params);
  }

  Section status(ApplicationFile file) {
    Section section = Sections.labelled("status", t("application.status"));
    Paragraph state =
        new Paragraph(
            t("application.state")
                + eu.clinnova.portal.ui.base.Punctuation.colon(page)
                + ApplicationTexts.state(page, file.application().state().code()));
    state.setId("application-state");
    section.add(state);
    UnorderedList jurisdictions = new UnorderedList();
    jurisdictions.setId("jurisdiction-states");
    if (file.reviews().isEmpty()) {
      file.application()
          .jurisdictions()
          .forEach(
              code -> jurisdictions.add(new ListItem(ApplicationTexts.jurisdiction(page, code))));
    }
    for (JurisdictionReview review : file.reviews()) {
      String text =
          ApplicationTexts.jurisdiction(page, review.jurisdiction())
              + eu.clinnova.portal.ui.base.Punctuation.colon(page)
              + ApplicationTexts.reviewState(page, review.state());
      boolean saidByState =
          review.decision().isPresent()
              && (review.state().equals("approved") && review.decision().get().equals("approve")
                  || review.state().equals("rejected") && review.decision().get().equals("reject"));
      if (review.decision().isPresent() && !saidByState) {
        text += " · " + t("application.result." + review.decision().get());
      }
      if (review.conditions().isPresent()) {
        text +=
            " · "
                + t("application.conditions")
                + eu.clinnova.portal.ui.base.Punctuation.colon(page)
                + review.conditions().get();
      }
      ListItem item = new ListItem(text);
      item.setId("jurisdiction-" + review.jurisdiction());
      jurisdictions.add(item);
    }
    section.add(jurisdictions);
    return section;
  }

  Section document(ApplicationFile file) {
    ApplicationDocument document = file.application().document();
    Section section = Sections.labelled("document", t("application.document"));
    DescriptionList details = new DescriptionList();
    details.addClassName("portal-details");
    term(details, "application.field.title", document.title().orElse("—"));
    term(details, "application.field.laySummary", document.laySummary().orElse("—"));
    term(details, "application.field.purpose", document.purpose().map(this::purpose).orElse("—"));
    term(
        details,
        "application.field.team",
        document.team().isEmpty()
            ? "—"
            : document.team().stream()
                .map(m -> m.name() + " (" + m.affiliation() + ", " + m.email() + ")")
                .collect(Collectors.joining("; ")));
    term(
        details,
        "application.field.durationMonths",
        document.durationMonths().map(m -> t("application.months", m)).orElse("—"));
    section.add(details);
    section.add(matches(file));
    return section;
  }

  private String purpose(Purpose purpose) {
    String category =
        purpose
            .research()
            .map(
                research ->
                    t("duo." + research.category().name())
                        + research.disease().map(d -> " (" + Diseases.name(d) + ")").orElse(""))
            .orElse("—");
    StringBuilder text = new StringBuilder(category);
    if (!purpose.description().isBlank()) {
      text.append(". ").append(purpose.description());
    }
    for (String flag :
        List.of("commercial", "forProfit", "genetic", "methodsDevelopment", "aiTraining")) {
      boolean set =
          switch (flag) {
            case "commercial" -> purpose.commercial();
            case "forProfit" -> purpose.forProfit();
            case "genetic" -> purpose.genetic();
            case "aiTraining" -> purpose.aiTraining();
            default -> purpose.methodsDevelopment();
          };
      if (set) {
        text.append(" · ").append(t("application.flag." + flag));
      }
    }
    return text.toString();
  }

  /** Each dataset with the DUO verdict and its reasons. */
  private Component matches(ApplicationFile file) {
    UnorderedList list = new UnorderedList();
    list.setId("duo-matches");
    list.addClassName("portal-cards");
    for (String datasetId : file.application().document().datasets()) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.setId("match-" + datasetId);
      DuoMatch match = file.duoMatches().get(datasetId);
      item.add(new Paragraph(file.datasetTitle(datasetId)));
      if (match == null) {
        item.add(new Paragraph(t("application.match.unknown")));
      } else {
        Paragraph verdict = new Paragraph(t("application.match." + match.outcome().name()));
        verdict.addClassName("duo-" + match.outcome().name().toLowerCase(java.util.Locale.ROOT));
        UnorderedList reasons = new UnorderedList();
        match
            .explained()
            .forEach(reason -> reasons.add(new ListItem(ApplicationTexts.duoReason(page, reason))));
        item.add(verdict, reasons);
      }
      // Consent for the purpose: what the gate will ask of each patient, shown before deciding.
      java.util.Set<eu.clinnova.consent.domain.ConsentModule> needed =
          file.modulesNeeded().get(datasetId);
      if (needed != null) {
        item.add(modulesNeeded(page, datasetId, needed));
      }
      SubjectCounts.SubjectCount today = file.subjectsToday().get(datasetId);
      if (today != null) {
        item.add(subjectsToday(page, datasetId, today));
      }
      list.add(item);
    }
    return list;
  }

  /** "Patients must have agreed to: …" for one dataset, in the reader's words. */
  static Paragraph modulesNeeded(
      Component page,
      String datasetId,
      java.util.Set<eu.clinnova.consent.domain.ConsentModule> needed) {
    Paragraph agreed =
        new Paragraph(
            page.getTranslation(
                "application.modulesNeeded",
                needed.stream()
                    .map(module -> page.getTranslation("module.title." + module.code()))
                    .collect(java.util.stream.Collectors.joining(", "))));
    agreed.setId("needed-" + datasetId);
    return agreed;
  }

  /** "About 1,200 of the 5,000 patients ... agree to all of this today." */
  static Paragraph subjectsToday(
      Component page, String datasetId, SubjectCounts.SubjectCount count) {
    java.text.NumberFormat numbers =
        java.text.NumberFormat.getIntegerInstance(
            page.getUI()
                .map(com.vaadin.flow.component.UI::getLocale)
                .orElse(java.util.Locale.ENGLISH));
    String cohort = numbers.format(count.inCohortShown());
    Paragraph today =
        new Paragraph(
            count.fewerThanShown()
                ? page.getTranslation(
                    "application.subjectsToday.few",
                    numbers.format(SubjectCounts.SMALLEST_SHOWN),
                    cohort)
                : page.getTranslation(
                    "application.subjectsToday", numbers.format(count.permittingShown()), cohort));
    today.setId("subjects-today-" + datasetId);
    today.addClassName("subjects-today");
    return today;
  }

  Section evidence(ApplicationFile file) {
    Section section = Sections.labelled("evidence", t("application.evidence"));
    UnorderedList approvals = new UnorderedList();
    approvals.setId("ethics-approvals");
    for (EthicsApproval approval : file.ethicsApprovals()) {
      approvals.add(new ListItem(ethicsLine(page, approval)));
    }
    if (file.ethicsApprovals().isEmpty()) {
      approvals.add(new ListItem(t("application.ethics.none")));
    }
    UnorderedList files = new UnorderedList();
    files.setId("attachment-list");
    for (ApplicationAttachment attachment : file.attachments()) {
      // Saved with the type its bytes were checked to be, never opened in the portal's origin.
      String name = SafeFileName.of(attachment.fileName(), attachment.mediaType());
      Anchor download =
          Downloads.link(
              name,
              name,
              attachment.mediaType(),
              () ->
                  queries
                      .attachment(caller, attachment.applicationId(), attachment.id())
                      .orElseThrow()
                      .getValue());
      ListItem item =
          new ListItem(
              download,
              new Paragraph(
                  t("application.file", attachment.size(), attachment.sha256().substring(0, 16))));
      files.add(item);
    }
    section.add(approvals, files);
    return section;
  }

  private static java.util.Locale locale(Component page) {
    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
    return ui == null ? java.util.Locale.ENGLISH : ui.getLocale();
  }

  /** One ethics approval in words: jurisdiction, committee, reference, validity. */
  static String ethicsLine(Component page, EthicsApproval approval) {
    return ApplicationTexts.jurisdiction(page, approval.jurisdiction())
        + eu.clinnova.portal.ui.base.Punctuation.colon(page)
        + approval.committee()
        + " · "
        + approval.reference()
        + " · "
        + page.getTranslation(
            "application.validity",
            eu.clinnova.portal.ui.base.NetworkTime.date(approval.validFrom(), locale(page)),
            eu.clinnova.portal.ui.base.NetworkTime.date(approval.validUntil(), locale(page)));
  }

  Section timeline(ApplicationFile file) {
    Section section = Sections.labelled("timeline", t("application.timeline"));
    OrderedList events = new OrderedList();
    events.setId("timeline-list");
    for (ApplicationEvent event : file.events()) {
      ListItem item =
          new ListItem(
              ApplicationTexts.time(page, event.at())
                  + " · "
                  + ApplicationTexts.event(page, event, file.votes().isPresent()));
      boolean committeeOnly =
          event.kind().equals("vote-cast") || event.kind().equals("conflict-declared");
      if (event.comment().isPresent() && (file.votes().isPresent() || !committeeOnly)) {
        Paragraph comment = new Paragraph(event.comment().get());
        comment.addClassName("portal-quote");
        item.add(comment);
      }
      events.add(item);
    }
    section.add(events);
    return section;
  }

  Section entitlements(ApplicationFile file) {
    Section section = Sections.labelled("entitlements", t("application.entitlements"));
    UnorderedList list = new UnorderedList();
    list.setId("entitlement-list");
    Instant now = Instant.now();
    String owner = file.application().ownerSub();
    // Once team members hold access of their own, each line says whose it is.
    boolean shared = file.entitlements().stream().anyMatch(e -> !e.researcher().equals(owner));
    for (Entitlement entitlement : file.entitlements()) {
      boolean applicants = entitlement.researcher().equals(owner);
      ListItem item =
          new ListItem(
              (shared ? ApplicationTexts.holder(page, file, entitlement.researcher()) + " · " : "")
                  + file.datasetTitle(entitlement.datasetId())
                  + " · "
                  + t("entitlement.status." + entitlement.statusAt(now).code())
                  + " · "
                  + t("entitlement.until", ApplicationTexts.time(page, entitlement.validUntil())));
      item.setId(
          applicants
              ? "entitlement-" + entitlement.datasetId()
              : "entitlement-" + entitlement.id());
      list.add(item);
    }
    section.add(list);
    return section;
  }

  /**
   * The team as the application names it, and for each member whether they accepted the data access
   * agreement in their own name (their own access starts only then; ADR 0027).
   */
  Section teamAgreements(ApplicationFile file) {
    Section section = Sections.labelled("team-agreements", t("application.team.heading"));
    section.add(new Paragraph(t("application.team.intro")));
    UnorderedList list = new UnorderedList();
    list.setId("team-agreement-list");
    List<TeamMember> team = file.application().document().team();
    for (int i = 0; i < team.size(); i++) {
      TeamMember member = team.get(i);
      if (member.email().isBlank()) {
        continue;
      }
      String address = member.address();
      String who =
          member.name() + (member.affiliation().isBlank() ? "" : " (" + member.affiliation() + ")");
      String state =
          file.memberAgreementAt(address)
              .map(
                  accepted ->
                      t(
                          "application.team.accepted",
                          ApplicationTexts.time(page, accepted.acceptedAt()),
                          accepted.version()))
              .orElse(t("application.team.notYet"));
      ListItem item = new ListItem(who + " · " + state);
      item.setId("team-agreement-" + i);
      list.add(item);
    }
    section.add(list);
    return section;
  }

  Section votes(List<Vote> votes) {
    Section section = Sections.labelled("votes", t("application.votes"));
    UnorderedList list = new UnorderedList();
    list.setId("vote-list");
    for (Vote vote : votes) {
      String text =
          ApplicationTexts.jurisdiction(page, vote.jurisdiction())
              + " · "
              + t("application.round", vote.round())
              + " · "
              + vote.memberName()
              + eu.clinnova.portal.ui.base.Punctuation.colon(page)
              + (vote.conflict()
                  ? t("application.conflict")
                  : t("application.result." + vote.vote().orElseThrow()))
              + vote.reason().map(reason -> " — " + reason).orElse("");
      list.add(new ListItem(text));
    }
    if (votes.isEmpty()) {
      list.add(new ListItem(t("application.votes.none")));
    }
    section.add(list);
    return section;
  }

  private void term(DescriptionList list, String key, String value) {
    list.add(new DescriptionList.Term(t(key)), new DescriptionList.Description(value));
  }
}
