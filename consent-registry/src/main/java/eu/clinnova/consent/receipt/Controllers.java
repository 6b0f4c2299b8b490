package eu.clinnova.consent.receipt;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data controllers the portal names: the network's (the record of processing) and each
 * jurisdiction's (consent receipts), with their contact, data protection officer and supervisory
 * authority. They come from configuration: the JSON file named by {@value #FILE}; without it, the
 * repository's development values, which a production server refuses (ProductionReadiness).
 */
public final class Controllers {

  /** The environment variable naming the controllers' file. */
  public static final String FILE = "CLINNOVA_CONTROLLERS_FILE";

  private static final List<String> JURISDICTIONS = List.of("LU", "FR", "DE", "CH");

  /** A controller as a receipt or the record names it. */
  public record Controller(String name, String contact, String dpo, String authority) {}

  private final Controller network;
  private final Map<String, Controller> byJurisdiction;

  private Controllers(Controller network, Map<String, Controller> byJurisdiction) {
    this.network = network;
    this.byJurisdiction = Map.copyOf(byJurisdiction);
  }

  /** The controllers of the file {@value #FILE} names, else the development ones. */
  public static Controllers configured() {
    return Holder.CONFIGURED;
  }

  private static final class Holder {
    static final Controllers CONFIGURED =
        Optional.ofNullable(System.getenv(FILE))
            .filter(path -> !path.isBlank())
            .map(path -> fromFile(Path.of(path)))
            .orElseGet(Controllers::development);
  }

  /** The repository's development values (marked as such in every name). */
  public static Controllers development() {
    try (InputStream in = Controllers.class.getResourceAsStream("/receipts/controllers.json")) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The controllers of {@code file}.
   *
   * @throws IllegalStateException naming what is missing, when the file cannot be used
   */
  public static Controllers fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException(FILE + " " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  static Controllers read(InputStream in) {
    try (var reader = JSON.createReader(in)) {
      JsonObject json = reader.readObject();
      Controller network = controller(json, "network");
      Map<String, Controller> byJurisdiction = new LinkedHashMap<>();
      for (String code : JURISDICTIONS) {
        byJurisdiction.put(code, controller(json, code));
      }
      return new Controllers(network, byJurisdiction);
    } catch (JsonException | ClassCastException e) {
      throw new IllegalStateException(
          "the controllers' file is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static Controller controller(JsonObject json, String key) {
    JsonObject entry = json.getJsonObject(key);
    if (entry == null) {
      throw new IllegalStateException("the controllers' file has no \"" + key + "\" entry");
    }
    for (String field : List.of("name", "contact", "dpo", "authority")) {
      if (entry.getString(field, "").isBlank()) {
        throw new IllegalStateException(
            "the controllers' file's \"" + key + "\" entry has no \"" + field + "\"");
      }
    }
    return new Controller(
        entry.getString("name"),
        entry.getString("contact"),
        entry.getString("dpo"),
        entry.getString("authority"));
  }

  /** The network's controller (joint controllers of the cross-border processing). */
  public Controller network() {
    return network;
  }

  public Controller of(String jurisdiction) {
    Controller controller = byJurisdiction.get(jurisdiction);
    if (controller == null) {
      throw new IllegalArgumentException("no controller for " + jurisdiction);
    }
    return controller;
  }

  /** Whether any of these are the repository's development values. */
  public boolean areDevelopmentValues() {
    return isDevelopment(network)
        || byJurisdiction.values().stream().anyMatch(Controllers::isDevelopment);
  }

  private static boolean isDevelopment(Controller controller) {
    return controller.contact().endsWith(".invalid")
        || controller.dpo().endsWith(".invalid")
        || controller.name().contains("(development");
  }
}
