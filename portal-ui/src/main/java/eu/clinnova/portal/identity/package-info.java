/** Who is calling: roles, jurisdictions and pseudonym, read from the OIDC token. */
package eu.clinnova.portal.identity;
