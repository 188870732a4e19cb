/**
 * The normalized model of a tracked line (TMF641 states, milestones, dates, freshness) and its
 * store. Everything the API and the notifications say comes from here, never from the owner
 * directly.
 */
package org.raccord.tracking;
