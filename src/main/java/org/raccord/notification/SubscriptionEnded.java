package org.raccord.notification;

/** A subscription was deleted by its client: nothing more goes to it, not even what was claimed. */
record SubscriptionEnded(String subscriptionId) {
}
