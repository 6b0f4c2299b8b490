/** {@code /api/v1/patients}: enrolment and patient records of the consent registry. */
package eu.clinnova.portal.api.patients;
