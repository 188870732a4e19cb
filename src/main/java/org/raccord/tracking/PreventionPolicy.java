package org.raccord.tracking;

import java.time.Duration;
import java.util.Locale;

/**
 * How Raccord acts on a breach it can still prevent.
 *
 * @param mode            off; propose (operations approve each request on the console); automatic
 * @param minimumNotice   the owner's minimum notice before a planned cut: closer than this, nothing is asked
 * @param maximumRequests requests per line, one per delivery date (the first, then one per slip)
 */
public record PreventionPolicy(Mode mode, Duration minimumNotice, int maximumRequests) {

    public enum Mode {
        OFF, PROPOSE, AUTOMATIC;

        /** {@code off}, {@code propose} or {@code automatic}, any case. */
        public static Mode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PreventionPolicy {
        if (minimumNotice.isNegative() || maximumRequests < 1) {
            throw new IllegalArgumentException("a notice of zero or more and at least one request per line");
        }
    }

    public PreventionPolicy withMode(Mode other) {
        return new PreventionPolicy(other, minimumNotice, maximumRequests);
    }
}
