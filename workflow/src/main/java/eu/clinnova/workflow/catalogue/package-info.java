/** The dataset catalogue: what each node holds, for which cohort, under which data use. */
package eu.clinnova.workflow.catalogue;
