package org.raccord.notification;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One HTTP POST of a webhook; replaceable in tests. */
interface WebhookPost {

    /** The receiver's answer: its status and, for 429 and 503, how long it asked to wait. */
    record Answer(int status, Optional<Duration> retryAfter) {
    }

    Answer post(URI callback, Map<String, String> headers, String body) throws IOException;
}
