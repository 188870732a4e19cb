package org.raccord.wholesale;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's quota, counted where it matters, at the owner: while both feeds poll, reconciliation
 * runs and six clients register 150 lines at once (each registration asks the owner), the simulator
 * never sees more requests in one of its seconds than its quota, and refuses none for the quota.
 */
@ExtendWith(ArquillianExtension.class)
class OwnerQuotaIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-owner-quota-it");
    }

    @Test
    void callsReachingTheOwnerNeverExceedItsQuota() throws Exception {
        JsonObject before = simulator();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
        try {
            List<Future<?>> registrations = IntStream.range(0, 150).<Future<?>>mapToObj(i -> clients.submit(() -> {
                String order = String.format("CMD-%08d", 200 + i);
                HttpResponse<String> r = Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"" + order + "\"}");
                statuses.merge(r.statusCode(), 1, Integer::sum);
            })).toList();
            for (Future<?> registration : registrations) {
                registration.get();
            }
        } finally {
            clients.shutdownNow();
        }
        JsonObject after = simulator();
        System.out.printf("OwnerQuotaIT: %d requests admitted, busiest second %d (quota %d), answers %s%n",
                after.getJsonNumber("requestsAdmitted").longValue() - before.getJsonNumber("requestsAdmitted").longValue(),
                after.getInt("busiestSecond"), quota(after), statuses);

        assertThat(after.getJsonNumber("requestsAdmitted").longValue() - before.getJsonNumber("requestsAdmitted").longValue())
                .as("the registrations reached the owner").isGreaterThanOrEqualTo(150);
        assertThat(statuses.keySet()).as("registered, unknown to the owner, or asked to retry: never a server error")
                .allMatch(s -> s == 200 || s == 201 || s == 404 || s == 503);
        assertThat(after.getInt("busiestSecond")).as("requests in the owner's busiest second").isLessThanOrEqualTo(quota(after));
        assertThat(after.getJsonNumber("requestsThrottled").longValue()).as("refused for the quota")
                .isEqualTo(before.getJsonNumber("requestsThrottled").longValue());
    }

    private static JsonObject simulator() {
        HttpResponse<String> status = Http.get("api/simulator", Http.ADMIN);
        assertThat(status.statusCode()).isEqualTo(200);
        return Http.json(status);
    }

    private static int quota(JsonObject status) {
        return status.getJsonObject("knobs").getInt("quotaPerSecond");
    }
}
