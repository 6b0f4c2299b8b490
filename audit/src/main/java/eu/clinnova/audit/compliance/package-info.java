/**
 * The compliance replay (domain.md, "The log proves compliance"): from the log alone, each
 * subject's module decisions rebuilt from the consent entries in log order, and every release entry
 * checked against them: each subject it permitted had every module it needed permitted at that
 * point of the log, and the subjects stored for it are those its {@code subjectsRoot} commits to.
 * Needs only the JDK and the API.
 */
package eu.clinnova.audit.compliance;
