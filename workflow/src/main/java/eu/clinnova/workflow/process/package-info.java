/**
 * The review process's vocabulary, shared by the applicant's side ({@code application}) and the
 * committees' ({@code review}): the BPMN process's names and variables ({@link
 * eu.clinnova.workflow.process.ReviewProcess}), the candidate groups of a task ({@link
 * eu.clinnova.workflow.process.ReviewGroups}) and the votes recorded on it. Depends on neither
 * side, so that they do not depend on each other.
 */
package eu.clinnova.workflow.process;
