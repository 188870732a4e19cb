/**
 * Decides what to ask the owner and when, and hands the answers to {@code tracking}: feed
 * cursors, reconciliation of single lines, registration of new lines, and breach prevention's
 * requests to move a cut (the one write to the owner). May import {@code wholesale},
 * {@code tracking}, {@code heartbeat} and {@code cluster} (only the leader reads the feeds).
 */
package org.raccord.polling;
