package org.raccord.retention;

import java.time.Duration;

/**
 * How long each kind of record is kept. Defaults a French provider would choose under the GDPR's
 * storage limitation (README, "Retention"): what served its purpose goes, what operations or a
 * customer's complaint may still need stays a little longer.
 */
record RetentionPolicy(Duration publishedOutbox, Duration finishedDeliveries, Duration settledLines, Duration auditTrail,
                       int batch) {

    RetentionPolicy {
        for (Duration d : new Duration[] {publishedOutbox, finishedDeliveries, settledLines, auditTrail}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a retention period must be positive: " + d);
            }
        }
        if (batch < 1) {
            throw new IllegalArgumentException("a purge batch must hold at least one row: " + batch);
        }
    }
}
