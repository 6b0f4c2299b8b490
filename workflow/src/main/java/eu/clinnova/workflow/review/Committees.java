package eu.clinnova.workflow.review;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The committees' rules, as data ({@code review/committees.json}): the quorum of each
 * jurisdiction's committee.
 */
public final class Committees {

  private final Map<String, Integer> quorums;

  private Committees(Map<String, Integer> quorums) {
    this.quorums = Map.copyOf(quorums);
  }

  public static Committees bundled() {
    try (InputStream in = Committees.class.getResourceAsStream("/review/committees.json");
        var reader = JSON.createReader(in)) {
      Map<String, Integer> quorums = new LinkedHashMap<>();
      reader
          .readObject()
          .getJsonObject("committees")
          .forEach((code, rules) -> quorums.put(code, ((JsonObject) rules).getInt("quorum")));
      return new Committees(quorums);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int quorum(String jurisdiction) {
    Integer quorum = quorums.get(jurisdiction);
    if (quorum == null) {
      throw new IllegalArgumentException("no committee for " + jurisdiction);
    }
    return quorum;
  }
}
