/**
 * Decides what to ask the owner and when, and hands the answers to {@code tracking}: feed
 * cursors, reconciliation of single lines, registration of new lines. May import {@code wholesale},
 * {@code tracking}, {@code heartbeat} and {@code cluster} (only the leader reads the feeds).
 */
package org.raccord.polling;
