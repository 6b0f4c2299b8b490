/** The Flowable process engine: its schema, its configuration and its CDI producer. */
package eu.clinnova.workflow.engine;
