package org.raccord.wholesale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.ratelimiter.RateLimiter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Callers hammering the quota for two and a half seconds: counted in every one-second window, at
 * whatever instant it starts (the owner's second is not Raccord's), the calls granted never exceed
 * the quota, with room for calls that reach the owner up to a quarter of a second late. A limiter of 40 per one-second period grants 40 at the end of one period and 40 at
 * the start of the next, 80 in the owner's second; this one cannot.
 */
class OwnerQuotaTest {

    @Test
    void noOneSecondWindowEverHoldsMoreThanTheQuota() throws Exception {
        RateLimiter limiter = RateLimiter.of("owner", OwnerQuota.config(40, Duration.ofSeconds(3)));
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            callers.submit(() -> {
                while (System.nanoTime() < end) {
                    if (limiter.acquirePermission()) {
                        granted.add(System.nanoTime());
                    }
                }
            });
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Long> times = new ArrayList<>(granted);
        Collections.sort(times);
        int busiest = 0;
        for (int first = 0, last = 0; first < times.size(); first++) {
            while (last < times.size() && times.get(last) - times.get(first) < 1_000_000_000L) {
                last++;
            }
            busiest = Math.max(busiest, last - first);
        }
        assertThat(times).as("the callers were served").hasSizeGreaterThan(40);
        assertThat(busiest).as("calls in the busiest second").isLessThanOrEqualTo(40);
        assertThat(busiest).as("granted within one second: five periods of 6").isLessThanOrEqualTo(30);
    }

    @Test
    void aQuotaTooSmallToSplitIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OwnerQuota.config(5, Duration.ZERO)).withMessageContaining("at least 6");
    }
}
