package org.raccord.polling;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Polling on a real Liberty against the built-in simulator: lines arrive from the feeds alone,
 * the customer-letter line shows its cut, its slipped date and the breach; an owner outage leaves
 * stored data served and flagged degraded, and freshness recovers by itself.
 */
@ExtendWith(ArquillianExtension.class)
class PollingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-polling-it");
    }

    @Test
    void theCustomerLetterLineArrivesFromTheFeedsWithItsBreach() {
        JsonObject letter = Http.json(await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get("api/v1/lines/CMD-00000001", Http.channel()),
                        r -> r.statusCode() == 200 && Http.json(r).containsKey("serviceGap")));

        JsonObject previous = letter.getJsonObject("previousProvider");
        assertThat(previous.getString("cutoverState")).isEqualTo("DONE");
        assertThat(previous.getString("cutAt")).isNotBlank();
        assertThat(previous.getString("operator")).matches("[A-Z0-9]{4}");

        JsonObject revisions = letter.getJsonObject("deliveryDateRevisions");
        assertThat(revisions.getInt("count")).isGreaterThanOrEqualTo(1);
        JsonObject revision = revisions.getJsonArray("history").getJsonObject(0);
        assertThat(LocalDate.parse(revision.getString("to"))).isAfter(LocalDate.parse(revision.getString("from")));
        assertThat(revision.getJsonObject("reason").getString("code")).isEqualTo("FINT01");
        assertThat(revision.getJsonObject("reason").getString("plainEn")).contains("street cabinet");
        assertThat(letter.getString("committedDeliveryDate")).isEqualTo(revision.getString("to"));

        JsonObject gap = letter.getJsonObject("serviceGap");
        assertThat(gap.getBoolean("breach")).isTrue();
        assertThat(gap.getInt("workingDays")).isGreaterThan(gap.getInt("allowedWorkingDays"));
        assertThat(letter.getJsonObject("milestones").containsKey("PREVIOUS_SERVICE_CUT")).isTrue();
        assertThat(letter.getJsonArray("jeopardy")).isNotEmpty();
    }

    @Test
    void anOutageIsServedDegradedAndRecoversAlone() {
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get("api/v1/lines/CMD-00000002", Http.channel()).statusCode() == 200);
        try {
            assertThat(Http.put("api/simulator/knobs", Http.ADMIN, "{\"outage\":true}", Http.csrf(Http.ADMIN)).statusCode()).isEqualTo(200);

            JsonObject degraded = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Http.json(Http.get("api/v1/lines/CMD-00000002", Http.channel())),
                            line -> line.getJsonObject("freshness").getBoolean("degraded"));
            assertThat(degraded.getJsonObject("freshness").getString("degradedReason")).contains("feed");
            assertThat(degraded.getString("orderReference")).isEqualTo("CMD-00000002");
        } finally {
            Http.put("api/simulator/knobs", Http.ADMIN, "{\"outage\":false}", Http.csrf(Http.ADMIN));
        }
        HttpResponse<String> recovered = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Http.get("api/v1/lines/CMD-00000002", Http.channel()),
                        r -> !Http.json(r).getJsonObject("freshness").getBoolean("degraded"));
        assertThat(recovered.statusCode()).isEqualTo(200);
    }
}
