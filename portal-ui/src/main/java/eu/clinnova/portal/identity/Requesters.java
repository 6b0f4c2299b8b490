package eu.clinnova.portal.identity;

import eu.clinnova.consent.application.Requester;
import java.util.stream.Collectors;

/** The registry's view of the API caller. */
public final class Requesters {

  private Requesters() {}

  public static Requester of(Caller caller) {
    return new Requester(
        caller.subject(),
        caller.roles().stream().map(Role::tokenName).collect(Collectors.toSet()),
        caller.jurisdictions().stream().map(Enum::name).collect(Collectors.toSet()),
        caller.psn());
  }
}
