package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dataset catalogue (issue 5, begun): the seed across four nodes, filters, publishing. */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class DatasetApiIT {

  static final String NEW =
      "{\"id\":\"lu-ibd-fecal-calprotectin\",\"title\":\"Faecal calprotectin series\","
          + "\"jurisdiction\":\"LU\",\"cohort\":\"IBD\",\"duo\":[\"DS\",\"NCU\"],"
          + "\"disease\":\"MONDO:0005101\",\"requiredModules\":[\"CLINICAL-DATA\"],\"subjects\":300}";

  /** A dataset of its own for general research use, open to applications; its id. */
  static String publishedOpen(String prefix, String jurisdiction) {
    String id = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Api.post(
            "/api/v1/datasets",
            Tokens.user("admin"),
            NEW.replace("lu-ibd-fecal-calprotectin", id)
                .replace("\"LU\"", "\"" + jurisdiction + "\"")
                .replace(
                    "\"duo\":[\"DS\",\"NCU\"],\"disease\":\"MONDO:0005101\",",
                    "\"duo\":[\"GRU\"],"));
    assertEquals(201, created.statusCode(), created.body());
    return id;
  }

  /**
   * A dataset of its own for a test that retires it, published and retired; a new id each time (the
   * matrix's fixtures are made again by the bad-input corpus).
   */
  static String publishedForRetirement(String prefix, String jurisdiction) {
    String id = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Api.post(
            "/api/v1/datasets",
            Tokens.user("admin"),
            NEW.replace("lu-ibd-fecal-calprotectin", id)
                .replace("\"LU\"", "\"" + jurisdiction + "\""));
    assertEquals(201, created.statusCode(), created.body());
    // Retired at once: the catalogue other tests read stays as it was; retiring again answers
    // the same to the matrix's administrator.
    assertEquals(
        200, Api.post("/api/v1/datasets/" + id + "/retire", Tokens.user("admin"), "").statusCode());
    return id;
  }

  @Test
  void anyoneSignedInBrowsesTheSeedCatalogueAcrossTheFourNodes() {
    JsonNode all = Api.json(Api.get("/api/v1/datasets", Tokens.user("researcher")));
    Set<String> nodes = new TreeSet<>();
    all.forEach(dataset -> nodes.add(dataset.get("node").asText()));
    assertTrue(all.size() >= 8, all.toString());
    assertEquals(Set.of("node-ch", "node-de", "node-fr", "node-lu"), nodes);
    JsonNode french =
        Api.json(Api.get("/api/v1/datasets?jurisdiction=FR&cohort=RA", Tokens.user("dac-fr")));
    assertEquals(2, french.size());
    JsonNode crohn = Api.json(Api.get("/api/v1/datasets/lu-crohn-biobank", Tokens.node("node-lu")));
    assertEquals("MONDO:0005011", crohn.get("disease").asText());
    assertEquals("DUO:0000007", crohn.at("/duo/0").asText());
    assertProblem(
        Api.get("/api/v1/datasets?jurisdiction=IT", Tokens.user("researcher")),
        400,
        "invalid-request");
    assertProblem(Api.get("/api/v1/datasets/nope", Tokens.user("researcher")), 404, "not-found");
    assertEquals(401, Api.get("/api/v1/datasets", null).statusCode());
  }

  @Test
  void anAdministratorPublishesADatasetOnceAndBadOnesAreRefusedWholly() {
    assertProblem(Api.post("/api/v1/datasets", Tokens.user("researcher"), NEW), 403, "forbidden");
    HttpResponse<String> created = Api.post("/api/v1/datasets", Tokens.user("admin"), NEW);
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(Api.json(created).get("auditIndex").asLong() >= 0);
    assertProblem(Api.post("/api/v1/datasets", Tokens.user("admin"), NEW), 409, "dataset-exists");
    HttpResponse<String> invalid =
        Api.post(
            "/api/v1/datasets",
            Tokens.user("admin"),
            NEW.replace("lu-ibd-fecal-calprotectin", "lu-bad")
                .replace("\"disease\":\"MONDO:0005101\",", "")
                .replace("CLINICAL-DATA", "TELEPATHY"));
    assertProblem(invalid, 400, "invalid-request");
    assertTrue(
        invalid.body().contains("disease") && invalid.body().contains("TELEPATHY"), invalid.body());
    assertProblem(Api.get("/api/v1/datasets/lu-bad", Tokens.user("admin")), 404, "not-found");
    assertProblem(
        Api.post("/api/v1/datasets", Tokens.user("admin"), "{\"id\":"), 400, "malformed-json");
  }

  @Test
  void anAdministratorPublishesANewVersionAndRetiresADatasetWhichThenTakesNoNewApplication() {
    String admin = Tokens.user("admin");
    String first = NEW.replace("lu-ibd-fecal-calprotectin", "lu-ibd-versioned");
    assertEquals(201, Api.post("/api/v1/datasets", admin, first).statusCode());
    assertEquals(
        1, Api.json(Api.get("/api/v1/datasets/lu-ibd-versioned", admin)).get("version").asInt());

    HttpResponse<String> revised =
        Api.put(
            "/api/v1/datasets/lu-ibd-versioned",
            admin,
            first
                .replace("Faecal calprotectin series", "Faecal calprotectin, 2020 to 2026")
                .replace("[\"CLINICAL-DATA\"]", "[\"CLINICAL-DATA\",\"SAMPLES\"]"));
    assertEquals(200, revised.statusCode(), revised.body());
    JsonNode second = Api.json(revised);
    assertEquals(2, second.get("version").asInt());
    assertEquals("Faecal calprotectin, 2020 to 2026", second.get("title").asText());
    assertTrue(second.has("auditIndex"));
    assertEquals(
        "[\"CLINICAL-DATA\",\"SAMPLES\"]",
        Api.json(Api.get("/api/v1/datasets/lu-ibd-versioned", Tokens.node("node-lu")))
            .get("requiredModules")
            .toString(),
        "the version in force is what everyone reads");

    HttpResponse<String> moved =
        Api.put("/api/v1/datasets/lu-ibd-versioned", admin, first.replace("\"LU\"", "\"FR\""));
    assertProblem(moved, 400, "invalid-request");
    assertTrue(moved.body().contains("jurisdiction"), moved.body());
    assertProblem(Api.put("/api/v1/datasets/nope-nope", admin, first), 404, "not-found");
    assertProblem(
        Api.put("/api/v1/datasets/lu-ibd-versioned", Tokens.user("researcher"), first),
        403,
        "forbidden");

    HttpResponse<String> retired = Api.post("/api/v1/datasets/lu-ibd-versioned/retire", admin, "");
    assertEquals(200, retired.statusCode(), retired.body());
    assertTrue(Api.json(retired).has("retiredAt"));
    assertTrue(Api.json(retired).has("auditIndex"));
    assertFalse(
        Api.json(Api.post("/api/v1/datasets/lu-ibd-versioned/retire", admin, "")).has("auditIndex"),
        "retiring again changes nothing");
    assertFalse(
        Api.get("/api/v1/datasets?jurisdiction=LU", Tokens.user("researcher"))
            .body()
            .contains("lu-ibd-versioned"),
        "the catalogue no longer offers it");
    HttpResponse<String> draft =
        Api.post(
            "/api/v1/applications",
            Tokens.user("researcher"),
            "{\"title\":\"On a retired dataset\",\"datasets\":[\"lu-ibd-versioned\"]}");
    assertProblem(draft, 400, "invalid-request");
    assertTrue(draft.body().contains("is retired"), draft.body());
  }
}
