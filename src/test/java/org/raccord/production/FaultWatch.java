package org.raccord.production;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What customers and the instances' JVMs go through while a fault lasts: lookups of known lines on
 * every instance in turn, about ten a second (answered, 5xx, flagged degraded, latency), and each
 * instance's live threads and used heap (its {@code /metrics}) every two seconds, worst kept.
 */
final class FaultWatch implements AutoCloseable {

    /** The figures of one watch. */
    record Seen(int lookups, int answered, int serverErrors, int degraded, double p99Millis, int maxThreads,
                long maxHeapBytes, long heapLimitBytes) {

        double answeredShare() {
            return lookups == 0 ? 0 : 100.0 * answered / lookups;
        }

        String lookupsText() {
            return String.format("lookups answered %d/%d (%.1f %%), 5xx %d, flagged degraded %d, p99 %.0f ms", answered,
                    lookups, answeredShare(), serverErrors, degraded, p99Millis);
        }

        String jvmText() {
            return String.format("worst: %d threads, heap %d MiB of %d MiB", maxThreads, maxHeapBytes >> 20, heapLimitBytes >> 20);
        }
    }

    private final List<Instance> instances;
    private final List<String> orders;
    private final String reader;
    private final ScheduledExecutorService schedule = Executors.newScheduledThreadPool(2);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger degraded = new AtomicInteger();
    private final AtomicInteger maxThreads = new AtomicInteger();
    private final AtomicLong maxHeap = new AtomicLong();
    private final AtomicLong heapLimit = new AtomicLong();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

    FaultWatch(List<Instance> instances, List<String> orders, String reader) {
        this.instances = instances;
        this.orders = orders;
        this.reader = reader;
        schedule.scheduleAtFixedRate(this::lookUp, 0, 100, TimeUnit.MILLISECONDS);
        schedule.scheduleAtFixedRate(this::sampleJvms, 0, 2, TimeUnit.SECONDS);
    }

    private void lookUp() {
        int n = next.getAndIncrement();
        Instance i = instances.get(n % instances.size());
        String order = orders.get(n % orders.size());
        long started = System.nanoTime();
        int status;
        String tag = "";
        try {
            HttpResponse<String> answer = i.get("api/v1/lines/" + order, reader);
            status = answer.statusCode();
            tag = answer.headers().firstValue("ETag").orElse("");
        } catch (RuntimeException unanswered) {
            status = 0;
        }
        latencies.add((System.nanoTime() - started) / 1_000);
        lookups.incrementAndGet();
        if (status == 200) {
            answered.incrementAndGet();
        }
        if (status >= 500 || status == 0) {
            serverErrors.incrementAndGet();
        }
        if (tag.contains("-degraded-")) {
            degraded.incrementAndGet();
        }
    }

    private void sampleJvms() {
        for (Instance i : instances) {
            try {
                JvmFigures f = JvmFigures.of(i);
                maxThreads.accumulateAndGet(f.threads(), Math::max);
                maxHeap.accumulateAndGet(f.heapUsed(), Math::max);
                heapLimit.set(f.heapMax());
            } catch (RuntimeException unavailable) {
                // A down instance is the lookups' business; its JVM is sampled again later.
            }
        }
    }

    Seen seen() {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        double p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1000.0;
        return new Seen(lookups.get(), answered.get(), serverErrors.get(), degraded.get(), p99, maxThreads.get(), maxHeap.get(),
                heapLimit.get());
    }

    @Override
    public void close() throws InterruptedException {
        schedule.shutdown();
        schedule.awaitTermination(1, TimeUnit.MINUTES);
    }
}
