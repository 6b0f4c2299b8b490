package eu.clinnova.portal.api.audit;

import static eu.clinnova.kernel.json.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.audit.log.StoredEntry;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page of entries written as bytes reads, with any JSON parser, as the contract's page. */
class AuditLogResourceTest {

  @Test
  void eachEntryIsItsLeafParsedBesideTheLeafInBase64() throws Exception {
    List<StoredEntry> page =
        List.of(
            entry(
                41, "{\"action\":\"consent.recorded\",\"index\":41,\"note\":\"Zürich \\\"é\\\"\"}"),
            entry(42, "{\"index\":42,\"list\":[1,true,null,\"x\"],\"v\":1}"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditLogResource.writeEntries(page, out);

    JsonObject body =
        JSON.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
    JsonArray entries = body.getJsonArray("entries");
    assertEquals(2, entries.size());
    for (int i = 0; i < page.size(); i++) {
      JsonObject shown = entries.getJsonObject(i);
      byte[] leaf = page.get(i).leaf();
      assertEquals(page.get(i).index(), shown.getJsonNumber("index").longValue());
      assertEquals(Base64.getEncoder().encodeToString(leaf), shown.getString("leaf"));
      assertEquals(
          JSON.createReader(new StringReader(new String(leaf, StandardCharsets.UTF_8)))
              .readObject(),
          shown.getJsonObject("entry"));
    }
    assertEquals("Zürich \"é\"", entries.getJsonObject(0).getJsonObject("entry").getString("note"));
  }

  @Test
  void anEmptyPageIsAnEmptyList() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditLogResource.writeEntries(List.of(), out);
    assertEquals("{\"entries\":[]}", out.toString(StandardCharsets.UTF_8));
  }

  private static StoredEntry entry(long index, String leaf) {
    byte[] bytes = leaf.getBytes(StandardCharsets.UTF_8);
    return new StoredEntry(index, bytes, new byte[32], Instant.EPOCH, "a", "s", "r", "t", "i");
  }
}
