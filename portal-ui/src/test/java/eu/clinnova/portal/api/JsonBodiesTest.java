package eu.clinnova.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  @Test
  void aNulCharacterIsFoundWhereverItHides() {
    assertEquals(Optional.of("title"), JsonBodies.nulIn(json("{\"title\":\"a\\u0000b\"}"), ""));
    assertEquals(
        Optional.of("team[1].name"),
        JsonBodies.nulIn(json("{\"team\":[{\"name\":\"A\"},{\"name\":\"\\u0000\"}]}"), ""));
    assertEquals(
        Optional.of("decisions"), JsonBodies.nulIn(json("{\"decisions\":{\"X\\u0000\":1}}"), ""));
    assertEquals(Optional.of("body"), JsonBodies.nulIn(json("\"\\u0000\""), ""));
  }

  @Test
  void otherTextIsLeftAlone() {
    assertEquals(
        Optional.empty(),
        JsonBodies.nulIn(
            json("{\"summary\":\"Zeile 1\\nZeile 2\\t\\u00e9\",\"n\":[1,true,null]}"), ""));
  }

  @Test
  void controlCharactersInAnAddressAreFound() {
    assertEquals(true, ControlCharacters.hasControl("LU-0001\u0000"));
    assertEquals(true, ControlCharacters.hasControl("a\u007fb"));
    assertEquals(false, ControlCharacters.hasControl("LU-0001 é ü"));
  }
}
