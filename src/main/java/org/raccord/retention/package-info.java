/**
 * How long Raccord keeps personal data, and the scheduled task that forgets it in bounded batches:
 * published outbox events, finished webhook deliveries (their bodies carry customers' mobile
 * numbers), settled lines with their whole story, and the operators' audit trail. Sits above the
 * capabilities whose records it purges: it may import {@code tracking}, {@code notification},
 * {@code admin}, {@code cluster} and {@code heartbeat}, and nothing imports it.
 */
package org.raccord.retention;
