/**
 * What every HTTP response of the portal carries, whatever answers it: the security headers
 * (Content-Security-Policy, nosniff, Referrer-Policy, Permissions-Policy, HSTS over HTTPS).
 */
package eu.clinnova.portal.http;
