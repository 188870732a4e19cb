package org.raccord.wholesale;

import java.time.Duration;
import java.util.Optional;

/**
 * Anything that went wrong talking to the owner, typed by what the caller should do about it:
 * a functional fault is an answer (do not retry, do not count against the owner's health); the
 * others are trouble with the owner or the line between us.
 */
public abstract sealed class WholesaleException extends RuntimeException
        permits WholesaleException.FunctionalFault, WholesaleException.TechnicalFault,
                WholesaleException.Throttled, WholesaleException.Unreachable, WholesaleException.MalformedAnswer,
                WholesaleException.Declined {

    private final String operation;

    WholesaleException(String operation, String message, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
    }

    /** Which interface and operation failed, e.g. {@code accessOrder.consult}. */
    public String operation() {
        return operation;
    }

    /** How long the owner asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The owner understood and said no (unknown order, invalid request): a business answer. */
    public static final class FunctionalFault extends WholesaleException {
        private final String code;
        private final String label;

        public FunctionalFault(String operation, String code, String label) {
            super(operation, code + " " + label, null);
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }
    }

    /** The owner failed on its side, or is in a maintenance window. */
    public static final class TechnicalFault extends WholesaleException {
        private final String code;
        private final Duration retryAfter;

        public TechnicalFault(String operation, String code, String label, Duration retryAfter) {
            super(operation, code + " " + label, null);
            this.code = code;
            this.retryAfter = retryAfter;
        }

        public String code() {
            return code;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** We exceeded the owner's quota; it says when to come back. */
    public static final class Throttled extends WholesaleException {
        private final Duration retryAfter;

        public Throttled(String operation, String label, Duration retryAfter) {
            super(operation, "throttled: " + label, null);
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(retryAfter);
        }
    }

    /** No usable answer: connection refused or reset, timeout, HTTP error without SOAP. */
    public static final class Unreachable extends WholesaleException {
        public Unreachable(String operation, String message, Throwable cause) {
            super(operation, message, cause);
        }
    }

    /** An answer we refuse to read: not SOAP, not our contract, hostile or over our limits. */
    public static final class MalformedAnswer extends WholesaleException {
        public MalformedAnswer(String operation, String message, Throwable cause) {
            super(operation, message, cause);
        }
    }

    /** Raccord did not call: a breaker is open, the bulkhead is full, or no quota permit came in time. */
    public static final class Declined extends WholesaleException {
        public Declined(String operation, String message, Throwable cause) {
            super(operation, "not called: " + message, cause);
        }
    }
}
