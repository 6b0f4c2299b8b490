/** The release gate's API: its public keys (JWKS), and the gate itself (issue 6). */
package eu.clinnova.portal.api.release;
