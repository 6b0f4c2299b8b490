package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;

/** The HTML page around every view: phone-friendly viewport, no referrer leaks. */
@Viewport("width=device-width, initial-scale=1")
@Meta(name = "referrer", content = "no-referrer")
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("Clinnova Portal");
    // Inline, so that the prebuilt frontend bundle stays untouched (no theme to compile).
    settings.addInlineWithContents(Inline.Position.APPEND, PORTAL_CSS, Inline.Wrapping.STYLESHEET);
  }

  /** Page-wide styles: the header on narrow screens, readable description lists. */
  static final String PORTAL_CSS =
      """
      header.portal-header { display: flex; align-items: center; gap: var(--lumo-space-s);
        width: 100%; min-width: 0; padding-inline-end: var(--lumo-space-m); box-sizing: border-box; }
      header.portal-header .portal-title { font-size: var(--lumo-font-size-l); font-weight: 600;
        color: var(--lumo-header-text-color); text-decoration: none; white-space: nowrap;
        overflow: hidden; text-overflow: ellipsis; min-width: 0; }
      header.portal-header .portal-spacer { flex: 1; }
      header.portal-header .portal-user { overflow: hidden; text-overflow: ellipsis;
        white-space: nowrap; max-width: 30vw; }
      header.portal-header .portal-language { width: 9em; flex-shrink: 0; }
      header.portal-header .portal-logout { white-space: nowrap; flex-shrink: 0; }
      .portal-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
        clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
      .portal-notification-unread a { font-weight: 600; }
      main.portal-page { padding: var(--lumo-space-m); max-width: 80rem; box-sizing: border-box; }
      main.portal-page pre { background: var(--lumo-contrast-5pct); padding: var(--lumo-space-s);
        border-radius: var(--lumo-border-radius-m); font-size: var(--lumo-font-size-s); }
      dl.portal-details dt { font-weight: 600; margin-top: var(--lumo-space-s); }
      dl.portal-details dd { margin-inline-start: 0; }
      ul.portal-cards { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--lumo-space-s); }
      li.portal-card, section.consent-module { border: 1px solid var(--lumo-contrast-20pct);
        border-radius: var(--lumo-border-radius-l); padding: var(--lumo-space-s) var(--lumo-space-m); }
      li.portal-card h2, section.consent-module h3 { font-size: var(--lumo-font-size-l); margin: var(--lumo-space-xs) 0; }
      li.portal-card p, section.consent-module p { margin: var(--lumo-space-xs) 0; }
      section.consent-module { margin-bottom: var(--lumo-space-s); }
      vaadin-details, vaadin-details-summary { max-width: 100%; white-space: normal; }
      .consent-yes { font-weight: 600; color: var(--lumo-success-text-color); }
      .consent-no { font-weight: 600; }
      section.portal-callout { border-inline-start: 4px solid var(--lumo-primary-color);
        padding-inline-start: var(--lumo-space-m); margin-bottom: var(--lumo-space-l); }
      #consent-form vaadin-radio-group { display: block; margin-bottom: var(--lumo-space-s); }
      section.portal-form > vaadin-radio-group, section.portal-form > vaadin-select,
      section.portal-form > vaadin-text-field, section.portal-form > vaadin-date-picker,
      section.portal-form > vaadin-checkbox-group, section.portal-form > vaadin-checkbox,
      section.portal-form > vaadin-upload { display: flex; max-width: 36rem; margin-bottom: var(--lumo-space-s); }
      section.portal-form > vaadin-upload { display: block; }
      section.portal-form > vaadin-integer-field, section.portal-form > vaadin-text-area {
        display: flex; max-width: 36rem; margin-bottom: var(--lumo-space-s); }
      div.portal-languages { display: grid; gap: var(--lumo-space-m);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
      div.portal-language { min-width: 0; }
      div.portal-language > vaadin-text-field::part(label),
      div.portal-language > vaadin-text-area::part(label) { white-space: normal; }
      del.portal-removed { background: #fde7e7; color: #6b1111; }
      ins.portal-added { background: #e3f4e5; color: #0d4a17; }
      div.portal-filters { display: flex; flex-wrap: wrap; gap: 0 var(--lumo-space-m);
        align-items: flex-end; margin-bottom: var(--lumo-space-s); }
      div.portal-filters > * { flex: 1 1 12rem; min-width: 0; }
      div.portal-filters > vaadin-button { flex: 0 0 auto; }
      section#editor > vaadin-text-field, section#editor > vaadin-text-area,
      section#editor > vaadin-select, section#editor > vaadin-checkbox-group,
      section#editor > vaadin-integer-field { display: flex; max-width: 48rem; margin-bottom: var(--lumo-space-s); }
      section#editor > vaadin-checkbox { display: flex; }
      main.portal-page vaadin-button { max-width: 100%; height: auto;
        min-height: var(--lumo-button-size); white-space: normal; }
      main.portal-page vaadin-button::part(label) { white-space: normal;
        padding-block: var(--lumo-space-xs); }
      .portal-row { display: flex; flex-wrap: wrap; gap: var(--lumo-space-s); align-items: flex-end;
        margin-bottom: var(--lumo-space-s); }
      .portal-notice { border-inline-start: 4px solid var(--lumo-warning-color, #b45309);
        padding-inline-start: var(--lumo-space-m); }
      .portal-quote { border-inline-start: 3px solid var(--lumo-contrast-30pct);
        padding-inline-start: var(--lumo-space-s); font-style: italic; }
      .portal-badge-overdue { font-weight: 600; color: var(--lumo-error-text-color); }
      section.portal-task { border: 2px solid var(--lumo-primary-color); border-radius: var(--lumo-border-radius-l);
        padding: var(--lumo-space-s) var(--lumo-space-m); margin-bottom: var(--lumo-space-l); }
      section.portal-task > vaadin-radio-group, section.portal-task > vaadin-text-area,
      section.portal-task > vaadin-checkbox { display: flex; max-width: 48rem; }
      pre.portal-agreement { white-space: pre-wrap; max-height: 24rem; overflow: auto; }
      .duo-no_match { font-weight: 600; color: var(--lumo-error-text-color); }
      .duo-needs_human { font-weight: 600; }
      .duo-match { font-weight: 600; color: var(--lumo-success-text-color); }
      @media (max-width: 600px) {
        header.portal-header .portal-user { display: none; }
        header.portal-header .portal-language { width: 7.5em; }
        header.portal-header .portal-title { font-size: var(--lumo-font-size-m); }
      }
      """;
}
