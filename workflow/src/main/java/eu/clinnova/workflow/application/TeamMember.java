package eu.clinnova.workflow.application;

/** A member of the research team as the applicant names them. */
public record TeamMember(String name, String email, String affiliation) {}
