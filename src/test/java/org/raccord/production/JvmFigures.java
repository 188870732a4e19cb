package org.raccord.production;

import java.net.http.HttpResponse;

/** An instance's live threads and heap (used and most), read from its Prometheus text at {@code /metrics}. */
record JvmFigures(int threads, long heapUsed, long heapMax) {

    static JvmFigures of(Instance i) {
        HttpResponse<String> metrics = i.get("metrics", i.operator());
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException(i.name() + " /metrics: " + metrics.statusCode());
        }
        int threads = 0;
        long used = 0;
        long max = 0;
        for (String line : metrics.body().lines().toList()) {
            if (line.startsWith("jvm_threads_live_threads ")) {
                threads = (int) value(line);
            } else if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += (long) value(line);
            } else if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"") && value(line) > 0) {
                max += (long) value(line);
            }
        }
        return new JvmFigures(threads, used, max);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
