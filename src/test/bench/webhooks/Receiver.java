import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * A local webhook receiver, for trying the hook and for the delivery benchmark: answers 204 at once
 * and prints, every 5 seconds, how many webhooks arrived, the rate, and the time from each
 * webhook's data.storedAt (when Raccord stored the change) to its receipt (p50/p99).
 * Usage: java src/test/bench/webhooks/Receiver.java [port] [file to append each body to]
 */
public class Receiver {

    private static final Pattern STORED_AT = Pattern.compile("\"storedAt\":\"([^\"]+)\"");

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        Writer dump = args.length > 1 ? new FileWriter(args[1], StandardCharsets.UTF_8, true) : null;
        AtomicLong count = new AtomicLong();
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                long received = System.currentTimeMillis();
                count.incrementAndGet();
                Matcher stored = STORED_AT.matcher(body);
                if (stored.find()) {
                    lags.add(received - Instant.parse(stored.group(1)).toEpochMilli());
                }
                if (dump != null) {
                    synchronized (dump) {
                        dump.write(body + "\n");
                        dump.flush();
                    }
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        long start = System.currentTimeMillis();
        long last = 0;
        while (true) {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
            List<Long> window;
            synchronized (lags) {
                window = new ArrayList<>(lags);
                lags.clear();
            }
            Collections.sort(window);
            long total = count.get();
            System.out.printf("%6ds total=%d rate=%d/s stored->received p50=%s p99=%s%n", (System.currentTimeMillis() - start) / 1000,
                    total, (total - last) / 5, percentile(window, 0.5), percentile(window, 0.99));
            last = total;
        }
    }

    private static String percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? "-" : String.format("%.2fs", sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1000.0);
    }
}
