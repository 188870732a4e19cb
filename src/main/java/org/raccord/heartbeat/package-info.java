/**
 * What Raccord's scheduled loops (polling, notification) say about themselves: when each last
 * completed a run and what last went wrong, so that a loop that died or hangs is noticed. Imports
 * nothing of Raccord; the loops write here, the operations side ({@code admin}) reads.
 */
package org.raccord.heartbeat;
