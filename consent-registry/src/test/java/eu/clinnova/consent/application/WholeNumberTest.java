package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WholeNumberTest {

  private static JsonValue number(String text) {
    return Json.createReader(new StringReader("[" + text + "]")).readArray().get(0);
  }

  @Test
  void aNumberBeyondAnIntIsOutOfRangeNotTruncated() {
    assertEquals(Optional.empty(), WholeNumber.within(number("4294967297"), 1, 120));
    assertEquals(Optional.empty(), WholeNumber.within(number("2147483648"), 1, Integer.MAX_VALUE));
    assertEquals(Optional.empty(), WholeNumber.within(number("-4294967295"), 1, 120));
  }

  @Test
  void wholeNumbersInRangeAreRead() {
    assertEquals(Optional.of(12), WholeNumber.within(number("12"), 1, 120));
    assertEquals(Optional.of(12), WholeNumber.within(number("12.0"), 1, 120));
    assertEquals(Optional.of(120), WholeNumber.within(number("1.2e2"), 1, 120));
    assertEquals(
        Optional.of(Integer.MAX_VALUE),
        WholeNumber.within(number("2147483647"), 1, Integer.MAX_VALUE));
  }

  @Test
  void fractionsHugeExponentsAndOtherTypesAreRefused() {
    assertEquals(Optional.empty(), WholeNumber.within(number("1.5"), 1, 120));
    assertEquals(Optional.empty(), WholeNumber.within(number("1e400"), 1, 120));
    assertEquals(Optional.empty(), WholeNumber.within(number("1e-400"), 0, 120));
    assertEquals(Optional.empty(), WholeNumber.within(number("0"), 1, 120));
    assertEquals(Optional.empty(), WholeNumber.within(number("\"12\""), 1, 120));
    assertEquals(Optional.empty(), WholeNumber.within(JsonValue.NULL, 1, 120));
    assertEquals(Optional.empty(), WholeNumber.within(null, 1, 120));
  }
}
