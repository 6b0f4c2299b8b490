/**
 * Authentication and authorization of API calls: a bearer token on every call that is not public,
 * and the roles of {@code @RolesAllowed} checked here, because JAX-RS on CDI does not enforce them
 * by itself.
 */
package eu.clinnova.portal.api.security;
