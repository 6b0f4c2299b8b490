package eu.clinnova.workflow.duo;

import java.util.Optional;

/** The DUO terms the network uses: permissions (what research) and modifiers (on what terms). */
public enum DuoTerm {
  GRU("DUO:0000042", true),
  HMB("DUO:0000006", true),
  DS("DUO:0000007", true),
  POA("DUO:0000011", true),
  NCU("DUO:0000046", false),
  NPU("DUO:0000045", false),
  NPUNCU("DUO:0000018", false),
  GS("DUO:0000022", false),
  GSO("DUO:0000016", false),
  NMDS("DUO:0000015", false),
  IRB("DUO:0000021", false),
  PUB("DUO:0000019", false),
  COL("DUO:0000020", false),
  MOR("DUO:0000024", false),
  TS("DUO:0000025", false),
  RTN("DUO:0000029", false);

  private final String curie;
  private final boolean permission;

  DuoTerm(String curie, boolean permission) {
    this.curie = curie;
    this.permission = permission;
  }

  public String curie() {
    return curie;
  }

  public boolean isPermission() {
    return permission;
  }

  /** By shorthand ({@code DS}) or CURIE ({@code DUO:0000007}). */
  public static Optional<DuoTerm> of(String code) {
    for (DuoTerm term : values()) {
      if (term.name().equals(code) || term.curie.equals(code)) {
        return Optional.of(term);
      }
    }
    return Optional.empty();
  }
}
