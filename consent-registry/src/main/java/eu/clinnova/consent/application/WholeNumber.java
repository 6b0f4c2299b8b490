package eu.clinnova.consent.application;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A JSON number read as a whole number within a range, compared as written: {@code 4294967297} is
 * out of range, not 1 (what {@code intValue()} makes of it), and {@code 1e400} is refused rather
 * than thrown on. Every count, version and duration the API reads goes through here.
 */
public final class WholeNumber {

  private WholeNumber() {}

  /** {@code value} as an int in {@code [min, max]}, or empty for anything else. */
  public static Optional<Integer> within(JsonValue value, int min, int max) {
    if (!(value instanceof JsonNumber number)) {
      return Optional.empty();
    }
    BigDecimal exact = number.bigDecimalValue();
    // A scale this large is no count anyone writes; it also keeps the comparison cheap.
    if (exact.scale() < -10 || exact.scale() > 10) {
      return Optional.empty();
    }
    BigDecimal whole = exact.stripTrailingZeros();
    if (whole.scale() > 0) {
      return Optional.empty();
    }
    if (whole.compareTo(BigDecimal.valueOf(min)) < 0
        || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
      return Optional.empty();
    }
    return Optional.of(whole.intValueExact());
  }
}
