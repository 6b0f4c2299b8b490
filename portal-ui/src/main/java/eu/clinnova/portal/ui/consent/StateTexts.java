package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.Component;
import eu.clinnova.consent.domain.ModuleState;
import java.util.Locale;

/** A module's state in words, in the UI's language: the decision, why, since and until when. */
final class StateTexts {

  private StateTexts() {}

  static String of(Component in, Locale locale, ModuleState state) {
    java.util.function.Function<java.time.Instant, String> format =
        at -> eu.clinnova.portal.ui.base.NetworkTime.date(at, locale);
    String since = state.since().map(format).orElse("");
    String text =
        in.getTranslation(
            "consent.state."
                + state.reason().name().toLowerCase(Locale.ROOT)
                + (state.reason() == ModuleState.Reason.RECORDED && !state.permits()
                    ? "_deny"
                    : ""),
            since,
            state.validUntil().map(format).orElse(""));
    if (state.permits() && state.validUntil().isPresent()) {
      text +=
          " · " + in.getTranslation("consent.state.until", format.apply(state.validUntil().get()));
    }
    return text;
  }
}
