/**
 * The review's legal clocks: a jurisdiction's decision is due a number of days after the
 * completeness check (its committee's {@code decisionDays}, extendable once with a reason), and a
 * returned application lapses four weeks after its return. Each clock is a row the process's timers
 * read and the deadline dashboard lists (ADR 0025); the {@code review} package watches and extends
 * them.
 */
package eu.clinnova.workflow.deadline;
