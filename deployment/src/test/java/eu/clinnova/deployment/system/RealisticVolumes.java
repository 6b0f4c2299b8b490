package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the portal holds after running a while, made through the API as its users would: well over
 * 1,000 audit entries (so that numbers carry thousands separators), dozens of patients with long
 * site names, dozens of applications with long titles, dozens of releases. Enough that lists page
 * and texts wrap; created once per test run.
 */
final class RealisticVolumes {

  static final int AUDIT_ENTRIES = 1_200;

  /** As long as a site may be (100 characters). */
  static final String LONG_SITE =
      "Centre Hospitalier de Luxembourg, Service de gastro-entérologie et d'hépatologie, Kirchberg";

  private static boolean seeded;

  private RealisticVolumes() {}

  static synchronized void seed() throws Exception {
    if (seeded) {
      return;
    }
    String steward = Tokens.user("steward-lu");
    List<String> patients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> enrolled = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        enrolled.add(pool.submit(() -> enrol(steward)));
      }
      for (Future<String> psn : enrolled) {
        patients.add(psn.get());
      }
      // Applications: long titles, some submitted, the rest drafts.
      String researcher = Tokens.user("researcher");
      List<Future<?>> applications = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        int n = i;
        applications.add(
            pool.submit(
                () -> {
                  if (n % 4 == 0) {
                    ApplicationApiIT.submittedApplication(
                        researcher, "lu-ibd-clinical", "LU", "CNER 2026" + (10 + n));
                  } else {
                    HttpResponse<String> draft =
                        Api.post(
                            "/api/v1/applications",
                            researcher,
                            ApplicationApiIT.body(longTitle(n), "lu-ibd-clinical"));
                    assertEquals(201, draft.statusCode(), draft.body());
                  }
                  return null;
                }));
      }
      for (Future<?> application : applications) {
        application.get();
      }
      // The log past a thousand entries first, so that the releases' indices have four digits: a
      // steward looking at patients (each read is logged).
      List<Future<?>> reads = new ArrayList<>();
      long missing = AUDIT_ENTRIES - BadInputCorpusIT.treeSize();
      for (int i = 0; i < missing; i++) {
        String psn = patients.get(i % patients.size());
        reads.add(
            pool.submit(
                () -> {
                  HttpResponse<String> read =
                      Api.get("/api/v1/patients/" + psn + "/consents", steward);
                  assertEquals(200, read.statusCode(), read.body());
                  return null;
                }));
      }
      for (Future<?> read : reads) {
        read.get();
      }
      // Releases: one approved project, asked about again and again by the LU node.
      ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher");
      String node = Tokens.node("node-lu");
      for (int i = 0; i < 30; i++) {
        HttpResponse<String> released =
            Api.post(
                "/api/v1/releases",
                node,
                "{\"applicationId\":\""
                    + grant.applicationId()
                    + "\",\"datasetId\":\"lu-ibd-clinical\",\"recipient\":\""
                    + grant.recipient()
                    + "\",\"subjects\":[\"LU-0001\",\""
                    + patients.get(i)
                    + "\"]}");
        assertEquals(200, released.statusCode(), released.body());
        assertTrue(
            Api.json(released).at("/audit/index").asLong() >= 1_000,
            "releases whose audit index has thousands separators in a list");
      }
    } finally {
      pool.shutdownNow();
    }
    seeded = true;
  }

  private static String enrol(String steward) {
    String psn = "LU-V" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    HttpResponse<String> response =
        PatientApiIT.post(
            steward,
            "{\"psn\":\""
                + psn
                + "\",\"jurisdiction\":\"LU\",\"site\":\""
                + LONG_SITE
                + "\",\"cohorts\":[\"IBD\",\"RA\",\"MS\"],\"minor\":false}");
    assertEquals(201, response.statusCode(), response.body());
    return psn;
  }

  private static String longTitle(int n) {
    return "Multimodal deep learning for predicting treatment response and disease course in"
        + " inflammatory bowel disease across four European jurisdictions, cohort "
        + n;
  }
}
