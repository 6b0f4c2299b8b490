/** FHIR R4 views of the portal's records ({@code /api/v1/fhir/r4}), built with HAPI FHIR. */
package eu.clinnova.portal.api.fhir;
