package eu.clinnova.audit.compliance;

import java.util.Map;
import java.util.Set;

/**
 * What one consent entry of the log says about a subject's modules, as the replay folds it.
 *
 * @param index the entry's place in the log
 * @param time when the entry was written (epoch milliseconds; before its transaction committed)
 * @param decisions per module code, true for permit ({@code consent.recorded}); for a withdrawal or
 *     an objection, false for each module withdrawn
 * @param everything a withdrawal or objection of every module
 * @param validUntil per module code, when a permit ends (epoch milliseconds)
 * @param informed the modules an information record permits unless objected to (FR)
 * @param tx the database transaction that wrote it, or -1 for entries written before they said
 * @param signer who signed a consent ({@code self}, {@code guardian}, {@code representative}, ...)
 * @param representativesLapse a regained capacity (CH) after which a representative's earlier
 *     permits no longer count, as the policy said when it was recorded
 */
record ConsentEvent(
    long index,
    long time,
    String action,
    Map<String, Boolean> decisions,
    boolean everything,
    Map<String, Long> validUntil,
    Set<String> informed,
    long tx,
    String signer,
    boolean representativesLapse) {}
