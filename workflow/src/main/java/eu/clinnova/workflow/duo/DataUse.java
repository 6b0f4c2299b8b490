package eu.clinnova.workflow.duo;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a dataset's consent allows: one permission (GRU, HMB, DS with a MONDO disease, POA) and
 * modifiers (NCU, GS, IRB...).
 */
public record DataUse(DuoTerm permission, Optional<String> disease, Set<DuoTerm> modifiers) {

  public DataUse {
    if (!permission.isPermission()) {
      throw new IllegalArgumentException(permission + " is a modifier, not a permission");
    }
    if (permission == DuoTerm.DS && disease.isEmpty()) {
      throw new IllegalArgumentException("DS names the disease (a MONDO term)");
    }
    modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modifiers));
    if (modifiers.stream().anyMatch(DuoTerm::isPermission)) {
      throw new IllegalArgumentException("modifiers must not be permissions: " + modifiers);
    }
  }
}
