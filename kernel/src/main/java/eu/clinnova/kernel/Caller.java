package eu.clinnova.kernel;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, as the server knows it from the verified token: the one type every bounded context
 * decides on (which role, whose data, which jurisdiction). Built by the portal from the token; the
 * contexts never read a token themselves.
 *
 * @param subject the token's {@code sub}: stable id of the user or service account
 * @param username {@code preferred_username}
 * @param displayName full name, or the username when the token carries none
 * @param email the e-mail address, if the token carries one
 * @param emailVerified whether the identity provider verified that address ({@code
 *     email_verified}): only a verified address makes its holder the team member an application
 *     names by it
 * @param clientId the client the token was issued to ({@code azp})
 * @param roles the realm roles the portal knows
 * @param jurisdictions the jurisdictions of the caller's groups, or of a node's client id
 * @param psn the patient's pseudonym ({@code psn} claim), if any
 */
public record Caller(
    String subject,
    String username,
    String displayName,
    String email,
    boolean emailVerified,
    String clientId,
    Set<Role> roles,
    Set<Jurisdiction> jurisdictions,
    Optional<String> psn) {

  public Caller {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    jurisdictions = jurisdictions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(jurisdictions));
    psn = psn == null ? Optional.empty() : psn;
  }

  /** A caller known by subject, roles and jurisdictions only (services, tests, the portal). */
  public static Caller of(
      String subject, Set<Role> roles, Set<Jurisdiction> jurisdictions, Optional<String> psn) {
    return new Caller(subject, subject, subject, null, false, null, roles, jurisdictions, psn);
  }

  /** A patient signed in with their own pseudonym. */
  public static Caller patient(String subject, String psn) {
    return of(subject, Set.of(Role.PATIENT), Set.of(), Optional.of(psn));
  }

  /** A researcher whose identity provider verified their e-mail address. */
  public static Caller researcher(String subject, String verifiedEmail) {
    return new Caller(
        subject,
        subject,
        subject,
        verifiedEmail,
        true,
        null,
        Set.of(Role.RESEARCHER),
        Set.of(),
        Optional.empty());
  }

  /** A staff member with one role in the given jurisdictions. */
  public static Caller staff(String subject, Role role, Jurisdiction... jurisdictions) {
    return of(subject, Set.of(role), Set.of(jurisdictions), Optional.empty());
  }

  /**
   * The address by which an application's team names this researcher: the verified e-mail address,
   * lower-cased (addresses are compared without case, as people type them), for a researcher only.
   * Empty for anyone else and for an unverified address: anyone may type any address into an
   * account, so an unverified one proves nothing.
   */
  public Optional<String> teamAddress() {
    if (!emailVerified || email == null || email.isBlank() || !has(Role.RESEARCHER)) {
      return Optional.empty();
    }
    return Optional.of(email.strip().toLowerCase(java.util.Locale.ROOT));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Role... any) {
    for (Role role : any) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean actsFor(Jurisdiction jurisdiction) {
    return jurisdictions.contains(jurisdiction);
  }

  /** Whether the caller acts for the jurisdiction of that code ({@code "LU"}); false if unknown. */
  public boolean actsFor(String jurisdictionCode) {
    return Jurisdiction.fromCode(jurisdictionCode).map(jurisdictions::contains).orElse(false);
  }

  /** A data steward of the patient's jurisdiction. */
  public boolean isStewardOf(String jurisdictionCode) {
    return has(Role.DATA_STEWARD) && actsFor(jurisdictionCode);
  }

  /** The patient of that pseudonym, signed in as themselves. */
  public boolean isPatient(String patientPsn) {
    return has(Role.PATIENT) && psn.map(patientPsn::equals).orElse(false);
  }

  /**
   * The codes of the caller's jurisdictions ({@code "LU"}, ...), for queries that filter by them.
   */
  public Set<String> jurisdictionCodes() {
    return Jurisdiction.codes(jurisdictions);
  }
}
