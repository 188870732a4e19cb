package org.raccord.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The simulated owner's truth, read from its truth handle ({@code /simulator/truth}, tab-separated
 * values) in its own server or in the local one; and its hold on publication, so that a gateway can
 * be compared with a world that stands still.
 */
public final class OwnerTruth {

    /** What the owner published about one line; absent values null. */
    public record Line(String orderReference, String ownerState, LocalDate committedDeliveryDate, int deliveryDateRevisions,
                       Instant plannedCutAt, Instant cutAt, Instant deliveredAt, Instant inServiceAt,
                       List<Long> orderSequences, List<Long> cutoverSequences) {

        static Line parse(String tsv) {
            String[] c = tsv.split("\t", -1);
            return new Line(c[0], c[1], c[2].isEmpty() ? null : LocalDate.parse(c[2]), Integer.parseInt(c[3]),
                    instant(c[4]), instant(c[5]), instant(c[6]), instant(c[7]), sequences(c[8]), sequences(c[9]));
        }

        private static Instant instant(String text) {
            return text.isEmpty() ? null : Instant.parse(text);
        }

        private static List<Long> sequences(String text) {
            return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    /** {@code base}: the owner's server root, e.g. {@code http://localhost:9180/}. */
    public OwnerTruth(String base, String user, String password) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Stops (true) or resumes (false) the owner's publication. */
    public void hold(boolean held) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "simulator/hold?held=" + held))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("hold: " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Every line with a published event. */
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        int size = Integer.MAX_VALUE;
        for (int from = 0; from < size; from += 2000) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "simulator/truth?from=" + from + "&limit=2000")).GET());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("truth: " + page.statusCode() + " " + page.body());
            }
            size = Integer.parseInt(page.headers().firstValue("Population-Size").orElseThrow());
            page.body().lines().skip(1).map(Line::parse).forEach(lines::add);
        }
        return lines;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the owner's truth handle: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
