/**
 * GA4GH Data Use Ontology (DUO): what a dataset's consent allows, what a research purpose is, and
 * whether one serves the other, with the reasons (domain.md, "DUO matching"). Pure domain code.
 */
package eu.clinnova.workflow.duo;
