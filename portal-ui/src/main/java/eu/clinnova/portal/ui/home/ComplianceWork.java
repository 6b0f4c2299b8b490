package eu.clinnova.portal.ui.home;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.portal.ui.compliance.AuditLogView;
import eu.clinnova.portal.ui.compliance.LogVerificationView;
import eu.clinnova.portal.ui.releases.ReleasesView;

/**
 * A compliance officer's work on their home page: how large the log is now, and the three things
 * they come for (check that the log was not altered, follow releases, search the log).
 */
final class ComplianceWork extends Section {

  ComplianceWork(long entries) {
    setId("home-work");
    H2 heading = new H2(getTranslation("home.compliance.log"));
    heading.setId("home-log-heading");
    Paragraph size =
        new Paragraph(
            getTranslation("home.compliance.size", String.format(getLocale(), "%,d", entries)));
    size.setId("home-log-size");
    RouterLink verify =
        new RouterLink(getTranslation("home.compliance.verify"), LogVerificationView.class);
    verify.setId("home-verify");
    RouterLink releases =
        new RouterLink(getTranslation("home.compliance.releases"), ReleasesView.class);
    releases.setId("home-releases");
    RouterLink search =
        new RouterLink(getTranslation("home.compliance.search"), AuditLogView.class);
    search.setId("home-audit");
    UnorderedList links =
        new UnorderedList(new ListItem(verify), new ListItem(releases), new ListItem(search));
    links.setId("home-links");
    add(heading, size, links);
  }
}
