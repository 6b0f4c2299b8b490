/** The portal's e-mails as the administrator follows them: each delivery and its attempts. */
package eu.clinnova.portal.api.messages;
