package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.PolicyHistory;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.consent.policy.PolicyVersion;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The jurisdictions' consent policies in words, read-only (they are reviewed and shipped with the
 * portal), and every version the portal ran with the day it came into force.
 */
@Route(value = "admin/policies", layout = MainLayout.class)
@RolesAllowed({Role.Names.ADMIN, Role.Names.COMPLIANCE_OFFICER})
public class PoliciesView extends Main implements HasDynamicTitle {

  @Inject
  public PoliciesView(PolicyHistory history) {
    Caller caller = SignedInUser.current().orElseThrow();
    setId("admin-policies");
    addClassName("portal-page");
    // A page of text only, longer than a screen: a keyboard scrolls it from the page itself.
    getElement().setAttribute("tabindex", "0");
    List<PolicyVersion> versions = history.versions(caller);
    PolicyCatalogue inForce = PolicyCatalogue.bundled();
    add(
        new H1(getTranslation("policies.title")),
        new Paragraph(getTranslation("policies.intro", inForce.version())));
    for (Map.Entry<String, JurisdictionPolicy> entry : inForce.all().entrySet()) {
      add(jurisdiction(entry.getKey(), entry.getValue()));
    }
    Section section =
        Sections.labelled("policies-history", getTranslation("policies.history"), "portal-form");
    UnorderedList list = new UnorderedList();
    list.setId("policies-versions");
    list.addClassName("portal-cards");
    for (PolicyVersion version : versions) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.add(
          new Paragraph(
              getTranslation(
                  "policies.version",
                  version.version(),
                  NetworkTime.dateTime(version.inForceFrom(), getLocale()))),
          new Paragraph(getTranslation("agreement.fingerprint", version.sha256())));
      list.add(item);
    }
    section.add(list);
    add(section);
  }

  private Section jurisdiction(String code, JurisdictionPolicy policy) {
    Section section =
        Sections.labelled("policy-" + code, getTranslation("jurisdiction." + code), "portal-form");
    DescriptionList details = new DescriptionList();
    details.addClassName("portal-details");
    term(details, "policies.basis", getTranslation("policies.basis." + policy.basis().name()));
    term(
        details,
        "policies.withoutRecord",
        policy.nonOppositionModules().isEmpty()
            ? getTranslation("policies.withoutRecord.deny")
            : getTranslation(
                "policies.withoutRecord.informed", modules(policy.nonOppositionModules())));
    term(
        details,
        "policies.validity",
        policy.validity().isEmpty()
            ? getTranslation("policies.validity.none")
            : policy.validity().entrySet().stream()
                .map(
                    validity ->
                        getTranslation("module.title." + validity.getKey().code())
                            + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                            + period(validity.getValue()))
                .collect(Collectors.joining("; ")));
    term(details, "policies.ethicsBody", policy.ethicsBody());
    term(details, "policies.ageOfMajority", String.valueOf(policy.ageOfMajority()));
    term(details, "policies.renewAtMajority", yesNo(policy.renewAtMajority()));
    term(details, "policies.reconsentOnMajor", yesNo(policy.reconsentOnMajorVersion()));
    section.add(details);
    return section;
  }

  private String modules(java.util.Set<ConsentModule> modules) {
    return modules.stream()
        .sorted()
        .map(module -> getTranslation("module.title." + module.code()))
        .collect(Collectors.joining(", "));
  }

  private String period(Period period) {
    if (period.getMonths() == 0 && period.getDays() == 0) {
      return getTranslation("policies.years", period.getYears());
    }
    if (period.getYears() == 0 && period.getDays() == 0) {
      return getTranslation("policies.months", period.getMonths());
    }
    return period.toString();
  }

  private String yesNo(boolean value) {
    return getTranslation(value ? "policies.yes" : "policies.no");
  }

  private void term(DescriptionList list, String key, String value) {
    list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("policies.title") + " · " + getTranslation("app.name");
  }
}
