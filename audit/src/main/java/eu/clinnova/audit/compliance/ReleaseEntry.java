package eu.clinnova.audit.compliance;

import java.util.List;
import java.util.Optional;

/**
 * A release decision as its log entry states it.
 *
 * @param decidedAt the decision's instant (epoch milliseconds), taken once its snapshot existed
 * @param modules the modules every subject had to permit
 * @param subjectsRoot absent for decisions logged before entries committed to their subjects
 * @param snapshot the database snapshot the decision read (absent in older entries)
 */
record ReleaseEntry(
    long index,
    String releaseId,
    long decidedAt,
    List<String> modules,
    long requested,
    long permitted,
    Optional<String> subjectsRoot,
    Optional<Snapshot> snapshot) {}
