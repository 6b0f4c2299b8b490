/**
 * The registry's use cases, each one transaction: the change, its checks of who may do it (role,
 * jurisdiction, whose data), and its audit entry commit together.
 */
package eu.clinnova.consent.application;
