package eu.clinnova.consent.form;

import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.kernel.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A version of a consent form. What a patient reads in a language is exactly {@link #text(String)}:
 * the form's introduction and each module's title and text, as RFC 8785 canonical JSON, so anyone
 * holding the form can recompute the SHA-256 a record keeps.
 */
public record ConsentForm(
    String id,
    int version,
    String jurisdiction,
    FormChange change,
    List<String> languages,
    Map<String, String> title,
    Map<String, String> intro,
    List<FormModule> modules,
    Instant publishedAt) {

  public ConsentForm {
    languages = List.copyOf(languages);
    title = java.util.Collections.unmodifiableMap(new TreeMap<>(title));
    intro = java.util.Collections.unmodifiableMap(new TreeMap<>(intro));
    modules = List.copyOf(modules);
  }

  /** This version as published at {@code at}. */
  public ConsentForm publishedAt(Instant at) {
    return new ConsentForm(id, version, jurisdiction, change, languages, title, intro, modules, at);
  }

  public Optional<FormModule> module(ConsentModule module) {
    return modules.stream().filter(candidate -> candidate.module() == module).findFirst();
  }

  public boolean offers(String language) {
    return languages.contains(language);
  }

  /** The exact text shown in {@code language}, as canonical JSON bytes. */
  public byte[] text(String language) {
    if (!offers(language)) {
      throw new IllegalArgumentException("form " + id + " has no text in " + language);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("form", id);
    document.put("version", version);
    document.put("jurisdiction", jurisdiction);
    document.put("language", language);
    document.put("title", title.get(language));
    document.put("intro", intro.get(language));
    List<Object> parts = new ArrayList<>();
    for (FormModule module : modules) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("module", module.module().code());
      part.put("required", module.required());
      part.put("duo", module.duo());
      part.put("title", module.title().get(language));
      part.put("text", module.text().get(language));
      parts.add(part);
    }
    document.put("modules", parts);
    return CanonicalJson.bytes(document);
  }

  /** The SHA-256 of {@link #text(String)}, in lower-case hex. */
  public String textSha256(String language) {
    return Sha256.hex(text(language));
  }
}
