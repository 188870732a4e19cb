package org.raccord.tracking;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;
import org.raccord.support.PageReplayProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed page read twice (a crash after the owner answered, before the cursor moved) through the
 * real ledger and database: the second application writes no second timeline entry, revision,
 * alert or outbox row, and does not touch the line.
 */
@ExtendWith(ArquillianExtension.class)
class PageReplayIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-page-replay-it").addClass(PageReplayProbe.class);
    }

    @Test
    void aPageAppliedTwiceChangesNothingTheSecondTime() {
        JsonObject first = apply("CMD-REPLAY-01");
        assertThat(first.getInt("applied")).isEqualTo(3);
        assertThat(first.getInt("timeline")).isEqualTo(3);
        assertThat(first.getInt("revisions")).isEqualTo(1);
        assertThat(first.getInt("alerts")).isEqualTo(1);
        assertThat(first.getInt("outbox")).isGreaterThanOrEqualTo(3);

        JsonObject second = apply("CMD-REPLAY-01");

        assertThat(second.getInt("applied")).isZero();
        assertThat(second).as("the same records, the same line").isEqualTo(Http.parse(first.toString()
                .replace("\"applied\":3", "\"applied\":0")));
    }

    private static JsonObject apply(String order) {
        HttpResponse<String> response = Http.action("it/page-replay?order=" + order, Http.ADMIN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }
}
