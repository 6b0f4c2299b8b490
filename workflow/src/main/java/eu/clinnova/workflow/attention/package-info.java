/**
 * What needs an administrator's attention across the network: ethics approvals that lapsed while
 * access rests on them, and datasets whose node has not called the release gate for a while
 * although researchers hold access. Plain queries over the workflow's tables, read when asked.
 */
package eu.clinnova.workflow.attention;
