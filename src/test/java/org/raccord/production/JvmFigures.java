package org.raccord.production;

/** An instance's live threads and heap (used and most), read from its Prometheus text at {@code /metrics}. */
record JvmFigures(int threads, long heapUsed, long heapMax) {

    static JvmFigures of(Instance i) {
        int threads = 0;
        long used = 0;
        long max = 0;
        for (String line : i.metrics()) {
            if (line.startsWith("jvm_threads_live_threads ")) {
                threads = (int) Instance.sample(line);
            } else if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += (long) Instance.sample(line);
            } else if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"") && Instance.sample(line) > 0) {
                max += (long) Instance.sample(line);
            }
        }
        return new JvmFigures(threads, used, max);
    }
}
