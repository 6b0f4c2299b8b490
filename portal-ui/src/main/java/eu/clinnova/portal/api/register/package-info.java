/** The public register of data uses, for anyone, without a token. */
package eu.clinnova.portal.api.register;
