package eu.clinnova.portal.api.health;

/** One dependency the portal needs to answer safely. */
interface HealthCheck {

  String name();

  /** Never throws: a failure is a {@link Result#down(String)}. */
  Result check();

  record Result(boolean up, String detail) {
    static Result up(String detail) {
      return new Result(true, detail);
    }

    static Result down(String detail) {
      return new Result(false, detail);
    }
  }
}
