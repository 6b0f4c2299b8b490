/** {@code /api/v1/policies}: the jurisdictions' consent policies, as the registry applies them. */
package eu.clinnova.portal.api.policies;
