package eu.clinnova.workflow.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoMatch;
import eu.clinnova.workflow.duo.DuoTerm;
import eu.clinnova.workflow.duo.ResearchPurpose;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetDocumentTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  static Dataset parse(JsonObject json) {
    return assertInstanceOf(DatasetDocument.Parsed.Valid.class, DatasetDocument.parse(json, NOW))
        .dataset();
  }

  @Test
  void theSeedCatalogueHasTwoDatasetsPerNodeAndRoundTrips() {
    Set<String> nodes = new HashSet<>();
    for (JsonValue value : DatasetCatalogue.seed()) {
      Dataset dataset = parse(value.asJsonObject());
      nodes.add(dataset.node());
      assertEquals(dataset, parse(DatasetDocument.json(dataset)));
    }
    assertEquals(Set.of("node-lu", "node-fr", "node-de", "node-ch"), nodes);
    assertEquals(8, DatasetCatalogue.seed().size());
  }

  @Test
  void aCrohnPurposeIsServedByTheIbdDatasetButNotByTheMsOne() {
    ResearchPurpose crohn =
        new ResearchPurpose(DuoTerm.DS, Optional.of(Diseases.CROHN), false, false, false, false);
    Dataset ibd = parse(DatasetCatalogue.seed().get(0).asJsonObject());
    Dataset ms = parse(DatasetCatalogue.seed().get(4).asJsonObject());
    DuoMatch forIbd = DuoMatch.of(ibd.use(), crohn);
    assertEquals(DuoMatch.Outcome.NEEDS_HUMAN, forIbd.outcome(), forIbd.reasons().toString());
    assertTrue(forIbd.reasons().get(0).startsWith("IRB"));
    assertEquals(DuoMatch.Outcome.NO_MATCH, DuoMatch.of(ms.use(), crohn).outcome());
  }

  @Test
  void everythingWrongIsSaidAtOnce() {
    JsonObject bad =
        Json.createObjectBuilder()
            .add("id", "Bad Id")
            .add("jurisdiction", "IT")
            .add("cohort", "XX")
            .add(
                "duo",
                Json.createArrayBuilder()
                    .add("DUO:0000007")
                    .add("DUO:0000006")
                    .add("NOPE")
                    .add("TS"))
            .add("requiredModules", Json.createArrayBuilder().add("TELEPATHY"))
            .build();
    List<String> fields =
        assertInstanceOf(DatasetDocument.Parsed.Invalid.class, DatasetDocument.parse(bad, NOW))
            .problems()
            .stream()
            .map(DatasetDocument.Problem::field)
            .toList();
    for (String field :
        List.of(
            "id",
            "title",
            "jurisdiction",
            "cohort",
            "duo",
            "disease",
            "requiredModules",
            "timeLimitMonths")) {
      assertTrue(fields.contains(field), field + " in " + fields);
    }
  }
}
