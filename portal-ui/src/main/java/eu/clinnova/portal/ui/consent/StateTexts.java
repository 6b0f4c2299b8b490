package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.Component;
import eu.clinnova.consent.domain.ModuleState;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A module's state in words, in the UI's language: the decision, why, since and until when. */
final class StateTexts {

  private StateTexts() {}

  static String of(Component in, Locale locale, ModuleState state) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withZone(eu.clinnova.portal.ui.base.NetworkTime.ZONE);
    String since = state.since().map(format::format).orElse("");
    String text =
        in.getTranslation(
            "consent.state."
                + state.reason().name().toLowerCase(Locale.ROOT)
                + (state.reason() == ModuleState.Reason.RECORDED && !state.permits()
                    ? "_deny"
                    : ""),
            since,
            state.validUntil().map(format::format).orElse(""));
    if (state.permits() && state.validUntil().isPresent()) {
      text +=
          " · " + in.getTranslation("consent.state.until", format.format(state.validUntil().get()));
    }
    return text;
  }
}
