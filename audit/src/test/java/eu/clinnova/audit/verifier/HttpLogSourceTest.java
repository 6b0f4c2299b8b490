package eu.clinnova.audit.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token that expires while the log is read: the source asks for the current token once more and
 * goes on if it changed; a token that did not change is not tried twice. An HTTP server on loopback
 * answers as the portal does: 401 without the accepted token.
 */
class HttpLogSourceTest {

  private HttpServer server;
  private final AtomicReference<String> accepted = new AtomicReference<>("fresh");
  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/audit/checkpoint",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          synchronized (seen) {
            seen.add(authorization);
          }
          boolean ok = ("Bearer " + accepted.get()).equals(authorization);
          byte[] body = (ok ? "checkpoint" : "expired").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String api() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
  }

  @Test
  void aTokenRefreshedMeanwhileIsTakenUpAfterA401() throws Exception {
    AtomicReference<String> file = new AtomicReference<>("expired-token");
    HttpLogSource source =
        new HttpLogSource(
            api(),
            () -> {
              String now = file.get();
              file.set("fresh"); // refreshed by the operator after the first read
              return now;
            });
    assertEquals("checkpoint", source.checkpoint());
    assertEquals(List.of("Bearer expired-token", "Bearer fresh"), seen);
  }

  @Test
  void anUnchangedTokenIsNotTriedTwice() {
    HttpLogSource source = new HttpLogSource(api(), "expired-token");
    IOException refused = assertThrows(IOException.class, source::checkpoint);
    assertTrue(refused.getMessage().contains("answered 401"), refused.getMessage());
    assertEquals(List.of("Bearer expired-token"), seen);
  }
}
