/** RFC 9457 problem details: the only shape an API error ever takes. */
package eu.clinnova.portal.api.problem;
