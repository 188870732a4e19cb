/**
 * Decides what to ask the owner and when, and hands the answers to {@code tracking}: feed
 * cursors, reconciliation of single lines, registration of new lines.
 */
package org.raccord.polling;
