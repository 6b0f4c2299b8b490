/** Read-only views of the workflow engine for administrators and compliance officers. */
package eu.clinnova.portal.api.workflow;
