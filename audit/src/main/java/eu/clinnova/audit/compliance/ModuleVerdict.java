package eu.clinnova.audit.compliance;

/**
 * Whether a subject's module was permitted at a point of the log, and the entry that decided it (-1
 * when none did: no consent entry ever spoke of the module).
 */
record ModuleVerdict(boolean permitted, long decidedBy, String why) {

  static ModuleVerdict none() {
    return new ModuleVerdict(false, -1, "no consent entry permits it");
  }
}
