package eu.clinnova.kernel;

import java.util.Optional;

/** The realm roles of the contract's "Identity" table, with their exact token names. */
public enum Role {
  PATIENT("patient"),
  RESEARCHER("researcher"),
  DATA_STEWARD("data-steward"),
  DAC_MEMBER("dac-member"),
  DAC_CHAIR("dac-chair"),
  COMPLIANCE_OFFICER("compliance-officer"),
  NODE("node"),
  ADMIN("admin");

  /** Role names as constants, for {@code @RolesAllowed}. */
  public static final class Names {
    public static final String PATIENT = "patient";
    public static final String RESEARCHER = "researcher";
    public static final String DATA_STEWARD = "data-steward";
    public static final String DAC_MEMBER = "dac-member";
    public static final String DAC_CHAIR = "dac-chair";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String NODE = "node";
    public static final String ADMIN = "admin";

    private Names() {}
  }

  private final String tokenName;

  Role(String tokenName) {
    this.tokenName = tokenName;
  }

  /** The name in the token's {@code realm_access.roles}. */
  public String tokenName() {
    return tokenName;
  }

  public static Optional<Role> fromTokenName(String name) {
    for (Role role : values()) {
      if (role.tokenName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
