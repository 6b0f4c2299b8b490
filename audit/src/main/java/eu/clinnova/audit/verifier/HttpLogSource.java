package eu.clinnova.audit.verifier;

import eu.clinnova.audit.canonical.JsonReader;
import eu.clinnova.audit.compliance.ReleaseSubjectsSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the log through the portal's public API ({@code /api/v1/audit/...}), and the releases'
 * subjects the compliance replay checks ({@code /api/v1/releases/{id}/subjects}).
 */
public final class HttpLogSource implements LogSource, ReleaseSubjectsSource {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String apiBase;
  private final Supplier<String> tokens;

  /**
   * @param apiBase the API's base, e.g. {@code https://portal.example/api/v1}
   * @param token a bearer token of a compliance officer (entries) or a node (proofs only)
   */
  public HttpLogSource(String apiBase, String token) {
    this(apiBase, () -> token);
  }

  /**
   * @param tokens the current bearer token (null for none), asked again when the API answers 401:
   *     reading a large log can outlive a token, and a token file refreshed meanwhile is taken up
   */
  public HttpLogSource(String apiBase, Supplier<String> tokens) {
    this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
    this.tokens = tokens;
  }

  @Override
  public String checkpoint() throws IOException, InterruptedException {
    return get("/audit/checkpoint");
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Entry> entries(long start, int limit) throws IOException, InterruptedException {
    Map<String, Object> page =
        JsonReader.object(get("/audit/entries?start=" + start + "&limit=" + limit));
    List<Entry> entries = new ArrayList<>();
    for (Object item : (List<Object>) page.get("entries")) {
      Map<String, Object> entry = (Map<String, Object>) item;
      entries.add(
          new Entry(
              (Long) entry.get("index"),
              Base64.getDecoder().decode((String) entry.get("leaf")),
              entry.get("entry")));
    }
    return entries;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Served subjects(String releaseId) throws IOException, InterruptedException, NoSuchRelease {
    String path = "/releases/" + java.net.URLEncoder.encode(releaseId, "UTF-8") + "/subjects";
    String body;
    try {
      body = get(path);
    } catch (NotFound e) {
      throw new NoSuchRelease(releaseId);
    }
    Map<String, Object> listing = JsonReader.object(body);
    List<Leaf> leaves = new ArrayList<>();
    for (Object item : (List<Object>) listing.get("leaves")) {
      Map<String, Object> leaf = (Map<String, Object>) item;
      leaves.add(
          new Leaf(
              (String) leaf.get("psn"), Base64.getDecoder().decode((String) leaf.get("leaf"))));
    }
    return new Served(Optional.ofNullable((String) listing.get("subjectsRoot")), leaves);
  }

  @Override
  public List<byte[]> inclusionProof(long index, long size)
      throws IOException, InterruptedException {
    return hashes(get("/audit/proof/inclusion?index=" + index + "&size=" + size));
  }

  @Override
  public List<byte[]> consistencyProof(long from, long to)
      throws IOException, InterruptedException {
    return hashes(get("/audit/proof/consistency?from=" + from + "&to=" + to));
  }

  @SuppressWarnings("unchecked")
  private static List<byte[]> hashes(String json) {
    List<byte[]> hashes = new ArrayList<>();
    for (Object hash : (List<Object>) JsonReader.object(json).get("hashes")) {
      hashes.add(Base64.getDecoder().decode((String) hash));
    }
    return hashes;
  }

  private String get(String path) throws IOException, InterruptedException {
    String token = tokens.get();
    HttpResponse<String> response = send(path, token);
    if (response.statusCode() == 401) {
      // The token expired while the log was read: once more with the current one, if it changed.
      String fresh = tokens.get();
      if (fresh != null && !fresh.equals(token)) {
        response = send(path, fresh);
      }
    }
    if (response.statusCode() == 404) {
      throw new NotFound(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** A 404: an IOException still for every caller but the one that tells absence apart. */
  private static final class NotFound extends IOException {
    NotFound(String message) {
      super(message);
    }
  }

  private HttpResponse<String> send(String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(Duration.ofSeconds(60)).GET();
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.strip());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
