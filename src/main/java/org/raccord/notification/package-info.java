/**
 * The notification hook: delivers the outbox's line events to subscribers (the SMS platform) as
 * signed CloudEvents carrying a ready-to-send SMS, at least once, in order per line, with retries
 * and dead letters; and the hub where subscribers manage their subscriptions. May import
 * {@code tracking}, {@code web}, {@code heartbeat}, {@code cluster} (who leads) and {@code wholesale}
 * (the owner's clock).
 */
package org.raccord.notification;
