package org.raccord.answers;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who withdrew an answer: this server's boot (high 32 bits, random per start) and a counter. A
 * withdrawal only its own change may take back; one from an earlier boot cannot be in flight.
 */
final class WriteStamps {

    /** One generator for the process (SpotBugs: a generator made for one number is wasted seeding). */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long boot = RANDOM.nextInt() & 0xffffffffL;
    private final AtomicInteger next = new AtomicInteger();

    long boot() {
        return boot;
    }

    long next() {
        return (boot << 32) | (next.incrementAndGet() & 0xffffffffL);
    }

    static long boot(long token) {
        return token >>> 32;
    }
}
