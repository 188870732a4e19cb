package org.raccord.notification;

import java.net.URI;
import java.util.List;

/** A delivery taken for one attempt: where it goes, the secrets to sign with, what it carries. */
record Parcel(long deliveryId, String subscriptionId, URI callback, List<String> secrets, String eventId, String body,
              int attempt) {
}
