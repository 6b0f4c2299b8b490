/**
 * How the portal hands e-mail to the world: WildFly's mail session and the sender's settings, for
 * the messages module (ADR 0024).
 */
package eu.clinnova.portal.mail;
