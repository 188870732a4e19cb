package org.raccord.production;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's {@code wrk}) run against one instance with the soak script
 * ({@code src/test/bench/soak/soak.lua}): lookups of tracked lines, each connection paced by a
 * delay; its one RESULT line read back.
 */
record Wrk(double rate, double p50Millis, double p99Millis, long errors, long non2xx) {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT rps=(\\S+) p50_ms=(\\S+) p99_ms=(\\S+) errors=(\\d+) non2xx=(\\d+)");

    static Wrk run(Instance target, String token, List<String> orders, int connections, int delayMillis, Duration length)
            throws IOException, InterruptedException {
        Path list = Files.createTempFile("raccord-soak-orders", ".txt");
        Files.write(list, orders);
        Path out = Files.createTempFile("raccord-soak", ".out");
        ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + length.toSeconds() + "s",
                "-s", Path.of("src/test/bench/soak/soak.lua").toAbsolutePath().toString(), target.base().replaceAll("/$", ""))
                .redirectErrorStream(true).redirectOutput(out.toFile());
        wrk.environment().put("TOKEN", token.substring("Bearer ".length()));
        wrk.environment().put("ORDERS", list.toString());
        wrk.environment().put("DELAY_MS", String.valueOf(delayMillis));
        String output;
        try {
            Process p = wrk.start();
            if (!p.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("wrk did not end");
            }
            output = Files.readString(out);
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(out);
        }
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk: " + output);
        }
        return new Wrk(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
    }
}
