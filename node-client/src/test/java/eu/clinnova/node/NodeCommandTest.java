package eu.clinnova.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeCommandTest {

  @Test
  void namesWhatIsMissingAndReleasesNothing() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        NodeCommand.run(
            new String[] {"release", "--portal", "http://localhost:1", "--client", "node-lu"},
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(NodeCommand.USAGE, status);
    String message = err.toString(StandardCharsets.UTF_8);
    for (String missing :
        new String[] {
          "--realm",
          "--application",
          "--dataset",
          "--recipient",
          "CLINNOVA_NODE_SECRET",
          "--subjects"
        }) {
      assertTrue(message.contains(missing), message);
    }
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnreachableGateReleasesNothing() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        NodeCommand.run(
            new String[] {
              "release",
              "--portal",
              "http://127.0.0.1:9",
              "--realm",
              "http://127.0.0.1:9/realms/x",
              "--client",
              "node-lu",
              "--application",
              "a",
              "--dataset",
              "d",
              "--recipient",
              "r",
              "--subjects",
              "LU-0001"
            },
            Map.of("CLINNOVA_NODE_SECRET", "dev"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(NodeCommand.REFUSED, status);
  }
}
