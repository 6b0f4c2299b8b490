package eu.clinnova.consent.form;

import eu.clinnova.consent.domain.ConsentModule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One module of a form: the network module it maps to, whether a signer must answer it, the DUO
 * terms a permit grants, and its title and plain-language text per language.
 */
public record FormModule(
    ConsentModule module,
    boolean required,
    List<String> duo,
    Map<String, String> title,
    Map<String, String> text) {

  public FormModule {
    duo = List.copyOf(duo);
    title = java.util.Collections.unmodifiableMap(new TreeMap<>(title));
    text = java.util.Collections.unmodifiableMap(new TreeMap<>(text));
  }
}
