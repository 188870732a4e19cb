/**
 * The normalized model of a tracked line (TMF641 states, milestones, dates, freshness) and its
 * store. Everything the API and the notifications say comes from here, never from the owner
 * directly. Imports nothing of Raccord: every other package builds on it.
 */
package org.raccord.tracking;
