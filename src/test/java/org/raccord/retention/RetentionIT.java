package org.raccord.retention;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;
import org.raccord.support.RetentionProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention purge through the real schedule and database: a settled line unchanged for 91 days
 * goes with its whole story and its answer, a recent one stays; a delivery finished 31 days ago
 * goes, recent ones (dead letter included) stay; an audit row of 366 days goes; an outbox event
 * published 8 days ago goes.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-retention-it").addClass(RetentionProbe.class);
    }

    @Test
    void whatThePolicyNoLongerAllowsIsForgottenAndNothingElse() {
        HttpResponse<String> response = Http.action("it/retention", Http.ADMIN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject left = Http.json(response);

        assertThat(left.getJsonObject("purged").getInt("settled-lines")).isGreaterThanOrEqualTo(1);
        assertThat(left.getInt("oldLine")).as("the settled line unchanged for 91 days").isZero();
        assertThat(left.getInt("oldLineStory")).isZero();
        assertThat(left.getInt("oldLineOutbox")).isZero();
        assertThat(left.getInt("newLine")).isEqualTo(1);
        assertThat(left.getInt("newLineStory")).isEqualTo(2);
        assertThat(ids(left, "deliveries")).as("finished 31 days ago: gone").containsExactly(-902L, -903L);
        assertThat(ids(left, "audit")).as("366 days old: gone").containsExactly(-902L, -903L);
        assertThat(ids(left, "outbox")).as("published 8 days ago: gone").containsExactly(-902L, -903L);

        // The erased line's answer is gone from the read model too.
        await().untilAsserted(() -> {
            HttpResponse<String> erased = Http.get("api/v1/lines/CMD-RETAIN-OLD", Http.channel());
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(404);
        });
        assertThat(Http.get("api/v1/lines/CMD-RETAIN-NEW", Http.channel()).statusCode()).isEqualTo(200);
    }

    private static List<Long> ids(JsonObject left, String kind) {
        return left.getJsonArray(kind).getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList();
    }
}
