package eu.clinnova.node;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node client as a command:
 *
 * <pre>
 * CLINNOVA_NODE_SECRET=... java -jar node-client.jar release --portal http://localhost:8080 \
 *     --realm http://localhost:8180/realms/clinnova --client node-lu \
 *     --application &lt;id&gt; --dataset lu-ibd-clinical --recipient &lt;sub&gt; \
 *     --subjects LU-0001,LU-0002 | --subjects-file psns.txt  [--verifier-key &lt;key&gt;]
 * </pre>
 *
 * It prints one JSON object (decision, what may be released, the checks' failures, the audit entry)
 * and exits 0 when something may be released, 3 when the gate denied everything, 4 when a check
 * failed (nothing may be released), 5 when the gate refused to decide, 2 on a usage error.
 */
public final class NodeCommand {

  static final int RELEASE = 0;
  static final int USAGE = 2;
  static final int DENIED = 3;
  static final int NOT_VERIFIED = 4;
  static final int REFUSED = 5;

  private NodeCommand() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws InterruptedException {
    if (args.length == 0 || !"release".equals(args[0])) {
      err.println(usage());
      return USAGE;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        err.println("expected --option value at " + args[i] + "\n" + usage());
        return USAGE;
      }
      options.put(args[i].substring(2), args[++i]);
    }
    List<String> missing = new ArrayList<>();
    for (String required :
        List.of("portal", "realm", "client", "application", "dataset", "recipient")) {
      if (!options.containsKey(required)) {
        missing.add("--" + required);
      }
    }
    String secret = options.getOrDefault("secret", env.get("CLINNOVA_NODE_SECRET"));
    if (secret == null) {
      missing.add("CLINNOVA_NODE_SECRET (or --secret)");
    }
    if (!options.containsKey("subjects") && !options.containsKey("subjects-file")) {
      missing.add("--subjects or --subjects-file");
    }
    if (!missing.isEmpty()) {
      err.println("missing " + String.join(", ", missing) + "\n" + usage());
      return USAGE;
    }
    List<String> subjects;
    try {
      subjects =
          options.containsKey("subjects")
              ? Arrays.stream(options.get("subjects").split(",")).map(String::strip).toList()
              : Files.readAllLines(Path.of(options.get("subjects-file"))).stream()
                  .map(String::strip)
                  .filter(line -> !line.isEmpty())
                  .toList();
    } catch (IOException e) {
      err.println("cannot read the subjects: " + e.getMessage());
      return USAGE;
    }
    NodeClient client =
        new NodeClient(
            new NodeClient.Settings(
                URI.create(options.get("portal")),
                URI.create(options.get("realm")),
                options.get("client"),
                secret,
                Optional.ofNullable(options.get("verifier-key"))));
    ReleaseAsk ask =
        new ReleaseAsk(
            options.get("application"), options.get("dataset"), options.get("recipient"), subjects);
    NodeClient.Outcome outcome;
    try {
      outcome = client.ask(ask);
    } catch (NodeClient.GateRefusal refusal) {
      err.println(refusal.problem());
      out.println(
          JSONObjectUtils.toJSONString(Map.of("released", List.of(), "refused", refusal.status())));
      return REFUSED;
    } catch (IOException e) {
      err.println("the gate cannot be reached: " + e.getMessage());
      return REFUSED;
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("releaseId", outcome.answer().releaseId());
    report.put("decision", outcome.answer().decision());
    report.put("verified", outcome.verified());
    report.put("failures", outcome.failures());
    report.put("released", outcome.releasable());
    List<Object> denied = new ArrayList<>();
    outcome
        .answer()
        .denied()
        .forEach(d -> denied.add(Map.of("psn", d.psn(), "reason", d.reason())));
    report.put("denied", denied);
    report.put("reasons", outcome.answer().reasons());
    if (outcome.answer().audit() != null) {
      report.put("auditIndex", outcome.answer().audit().index());
    }
    out.println(JSONObjectUtils.toJSONString(report));
    if (!outcome.verified()) {
      return NOT_VERIFIED;
    }
    return outcome.releasable().isEmpty() ? DENIED : RELEASE;
  }

  static String usage() {
    return "usage: java -jar node-client.jar release --portal URL --realm URL --client ID"
        + " --application ID --dataset ID --recipient SUB (--subjects PSN,PSN | --subjects-file"
        + " FILE) [--verifier-key KEY]; the client secret comes from CLINNOVA_NODE_SECRET";
  }
}
