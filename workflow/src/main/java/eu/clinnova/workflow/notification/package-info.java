/**
 * What the portal tells its users in the application: one row per recipient and message, written in
 * the transaction of the change that causes it (applications, reviews, entitlements all write here;
 * the outbox and e-mail of issue 20 build on it).
 */
package eu.clinnova.workflow.notification;
