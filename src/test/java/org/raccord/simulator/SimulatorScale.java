package org.raccord.simulator;

import java.time.Duration;
import java.time.Instant;

import org.raccord.simulator.ScriptedEvent.Feed;
import org.raccord.support.MutableClock;

/**
 * Benchmark, not a test: builds a simulated population, publishes its whole life, reads both feeds
 * and reports time and heap. Usage in docs/benchmarks.md.
 */
public final class SimulatorScale {

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Instant epoch = Instant.parse("2026-12-01T09:00:00Z");
        MutableClock clock = new MutableClock(epoch);
        long t0 = System.nanoTime();
        OwnerWorld world = new OwnerWorld(new Population(1, lines, epoch, Duration.ofDays(20), Duration.ofDays(20)),
                new SimulatedClock(clock, epoch, epoch, 1));
        long built = System.nanoTime();
        clock.advance(Duration.ofDays(60));
        world.advance();
        long published = System.nanoTime();
        long events = 0;
        for (Feed feed : Feed.values()) {
            long since = 0;
            FeedSlice slice;
            do {
                slice = world.read(feed, since, 1000);
                events += slice.events().size();
                since = slice.next();
            } while (slice.more());
        }
        long read = System.nanoTime();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("lines=%d build=%d ms publish=%d ms events=%d read=%d ms (%.0f events/s) heapUsedAfterGc=%d MB max=%d MB%n",
                lines, (built - t0) / 1_000_000, (published - built) / 1_000_000, events, (read - published) / 1_000_000,
                events / ((read - published) / 1e9), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private SimulatorScale() {
    }
}
