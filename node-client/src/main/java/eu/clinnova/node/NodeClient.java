package eu.clinnova.node;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import eu.clinnova.audit.merkle.ProofVerifier;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's client of the release gate. {@link #ask} obtains a token for the node's client
 * (client-credentials grant), asks the gate, and verifies the answer ({@link AnswerVerifier}); it
 * also checks that the log it sees now is consistent with the last checkpoint it saw. The result
 * says what may be released: nothing unless every check passed. Thread-safe.
 */
public final class NodeClient {

  /** Where the portal and the identity provider are, and who this node is. */
  public record Settings(
      URI portal,
      URI realm,
      String clientId,
      String clientSecret,
      Optional<String> pinnedVerifierKey) {

    /** The issuer of release tokens: the portal's API base. */
    public String issuer() {
      return portal.toString().replaceAll("/+$", "") + "/api/v1";
    }
  }

  /** What the gate answered, what the checks found, and so what may be released. */
  public record Outcome(ReleaseAnswer answer, List<String> failures) {
    public Outcome {
      failures = List.copyOf(failures);
    }

    public boolean verified() {
      return failures.isEmpty();
    }

    /** The subjects whose data may leave: the permitted ones, and only if everything verified. */
    public List<String> releasable() {
      return verified() ? answer.permitted() : List.of();
    }
  }

  /** The gate refused to decide (problem details) or could not (503): nothing may be released. */
  public static final class GateRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String problem;

    GateRefusal(int status, String problem) {
      super("the gate answered " + status + ": " + problem);
      this.status = status;
      this.problem = problem;
    }

    public int status() {
      return status;
    }

    /** The RFC 9457 problem details as sent. */
    public String problem() {
      return problem;
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration KEYS_MAX_AGE = Duration.ofMinutes(5);

  private final Settings settings;
  private final HttpClient http;
  private final Clock clock;
  private String accessToken;
  private Instant accessTokenExpires = Instant.EPOCH;
  private JWKSet keys;
  private Instant keysFetched = Instant.EPOCH;
  private NoteVerifier logKey;
  private Checkpoint lastCheckpoint;

  public NodeClient(Settings settings) {
    // HTTP/1.1: a 10,000-subject answer (~300 kB) over HTTP/2 waited ~20 ms longer for the
    // stream's flow-control windows (docs/benchmarks.md).
    this(
        settings,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build(),
        Clock.systemUTC());
  }

  NodeClient(Settings settings, HttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /**
   * Asks the gate and verifies its answer.
   *
   * @throws GateRefusal if the gate answers with problem details (bad request, wrong node, 503)
   */
  public Outcome ask(ReleaseAsk ask) throws IOException, InterruptedException, GateRefusal {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicationId", ask.applicationId());
    body.put("datasetId", ask.datasetId());
    body.put("recipient", ask.recipient());
    body.put("subjects", ask.subjects());
    HttpResponse<String> response =
        http.send(
            api("/api/v1/releases")
                .header("Authorization", "Bearer " + accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new GateRefusal(response.statusCode(), response.body());
    }
    ReleaseAnswer answer;
    try {
      answer = ReleaseAnswer.parse(response.body());
    } catch (ParseException e) {
      return new Outcome(
          new ReleaseAnswer(
              "", "deny", List.of(), List.of(), List.of(), Optional.empty(), null, response.body()),
          List.of("the answer is not the contract's: " + e.getMessage()));
    }
    return new Outcome(answer, verify(ask, answer));
  }

  /** Verifies an answer (one just received, or one saved earlier) with the portal's keys. */
  public synchronized List<String> verify(ReleaseAsk ask, ReleaseAnswer answer)
      throws IOException, InterruptedException {
    Instant now = clock.instant();
    JWKSet jwks = keys(false);
    if (answer.token().isPresent() && !hasKey(jwks, answer.token().get())) {
      jwks = keys(true); // a key rotated in since we last looked
    }
    AnswerVerifier.Verification verification =
        new AnswerVerifier(settings.issuer(), settings.clientId(), jwks, logKey())
            .verify(ask, answer, now);
    List<String> failures = new ArrayList<>(verification.failures());
    if (verification.checkpoint() != null) {
      checkConsistency(verification.checkpoint(), failures);
    }
    return failures;
  }

  /**
   * The log must only grow: the checkpoint just seen and the newest one seen before must be
   * consistent (answers to concurrent requests may arrive with older checkpoints than the newest).
   */
  private void checkConsistency(Checkpoint seen, List<String> failures)
      throws IOException, InterruptedException {
    Checkpoint last = lastCheckpoint;
    if (last != null) {
      Checkpoint older = seen.size() <= last.size() ? seen : last;
      Checkpoint newer = older == seen ? last : seen;
      if (older.size() == newer.size()) {
        if (!older.equals(newer)) {
          failures.add("two different logs of size " + seen.size());
          return;
        }
      } else if (older.size() > 0) {
        List<byte[]> proof =
            hashes(
                get(
                    "/api/v1/audit/proof/consistency?from=" + older.size() + "&to=" + newer.size(),
                    true));
        if (!ProofVerifier.verifyConsistency(
            older.size(), newer.size(), older.rootHash(), newer.rootHash(), proof)) {
          failures.add(
              "the log of size "
                  + newer.size()
                  + " is not consistent with the one of size "
                  + older.size());
          return;
        }
      }
    }
    if (last == null || seen.size() > last.size()) {
      lastCheckpoint = seen;
    }
  }

  private static boolean hasKey(JWKSet jwks, String token) {
    try {
      String kid = com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getKeyID();
      return kid != null && jwks.getKeyByKeyId(kid) != null;
    } catch (ParseException e) {
      return true; // the verifier reports it
    }
  }

  private JWKSet keys(boolean refresh) throws IOException, InterruptedException {
    Instant now = clock.instant();
    if (keys == null || refresh || now.isAfter(keysFetched.plus(KEYS_MAX_AGE))) {
      try {
        keys = JWKSet.parse(get("/api/v1/keys", false));
      } catch (ParseException e) {
        throw new IOException("the portal's JWKS cannot be read", e);
      }
      keysFetched = now;
    }
    return keys;
  }

  private NoteVerifier logKey() throws IOException, InterruptedException {
    if (logKey == null) {
      String key =
          settings.pinnedVerifierKey().isPresent()
              ? settings.pinnedVerifierKey().get()
              : get("/api/v1/audit/verifier-key", false).strip();
      logKey = NoteVerifier.of(key);
    }
    return logKey;
  }

  private synchronized String accessToken() throws IOException, InterruptedException {
    Instant now = clock.instant();
    if (accessToken == null || now.isAfter(accessTokenExpires.minusSeconds(30))) {
      String form =
          "grant_type=client_credentials&client_id="
              + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
              + "&client_secret="
              + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          settings.realm().toString().replaceAll("/+$", "")
                              + "/protocol/openid-connect/token"))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(
            "the identity provider refused the node's credentials: " + response.statusCode());
      }
      try {
        Map<String, Object> token = JSONObjectUtils.parse(response.body());
        accessToken = JSONObjectUtils.getString(token, "access_token");
        accessTokenExpires = now.plusSeconds(JSONObjectUtils.getLong(token, "expires_in"));
      } catch (ParseException e) {
        throw new IOException("the identity provider's answer cannot be read", e);
      }
    }
    return accessToken;
  }

  private String get(String path, boolean authenticated) throws IOException, InterruptedException {
    HttpRequest.Builder request = api(path).GET();
    if (authenticated) {
      request.header("Authorization", "Bearer " + accessToken());
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  private HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(
            URI.create(settings.portal().toString().replaceAll("/+$", "") + path))
        .timeout(TIMEOUT);
  }

  private static List<byte[]> hashes(String json) throws IOException {
    try {
      List<byte[]> hashes = new ArrayList<>();
      for (String hash : JSONObjectUtils.getStringArray(JSONObjectUtils.parse(json), "hashes")) {
        hashes.add(Base64.getDecoder().decode(hash));
      }
      return hashes;
    } catch (ParseException | IllegalArgumentException e) {
      throw new IOException("a proof cannot be read", e);
    }
  }
}
