/**
 * What the portal tells people by e-mail (ADR 0024). Every context posts a {@link
 * eu.clinnova.messages.outbox.Letter} to the {@link eu.clinnova.messages.outbox.Outbox} in the
 * transaction of the change that causes it; the sender later looks the recipients up, writes each
 * one's e-mail in their language ({@link eu.clinnova.messages.text}) and delivers it, retrying with
 * back-off ({@link eu.clinnova.messages.delivery}). What each person wants by e-mail is in {@link
 * eu.clinnova.messages.preference}. The module knows no other context: the directory of accounts
 * and the mail session are given to it.
 */
package eu.clinnova.messages;
