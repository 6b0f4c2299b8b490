/**
 * The committees' review: the BPMN process ({@code processes/application-review.bpmn20.xml}), the
 * tasks it gives stewards, committee members and chairs, their votes and decisions, and the steps
 * the process asks the application services to take.
 */
package eu.clinnova.workflow.review;
