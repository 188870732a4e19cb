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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model renders a line from several queries. A change of the line committed between them
 * must never give the line's new version with its old records: the read model would keep that
 * answer as current, since nothing newer than its version comes to replace it. Found by the truth
 * check in {@code ClusterIT} (two lines one revision short for good); here it is forced on every
 * run, on H2 and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class RenderingRaceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-rendering-race-it").addClass(RenderingRaceProbe.class);
    }

    @Test
    void aChangeCommittedWhileALineIsReadNeverLeavesItsNewVersionWithItsOldRecords() {
        HttpResponse<String> response = Http.action("it/rendering-race?order=CMD-RACE-01", Http.ADMIN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject race = Http.json(response);

        assertThat(race.getInt("raced")).as("the revision was committed in the middle of the read").isEqualTo(1);
        assertThat(race.getInt("queries")).as(race.toString()).isGreaterThan(2);
        assertThat(race.getJsonNumber("versionAfter").longValue()).as("the revision changed the line")
                .isGreaterThan(race.getJsonNumber("versionBefore").longValue());
        assertThat(race.getInt("revisionsAfter")).isEqualTo(1);
        if (race.getJsonNumber("versionRead").longValue() == race.getJsonNumber("versionAfter").longValue()) {
            assertThat(race.getInt("revisionsRead")).as("the line's new version read with its old records: " + race)
                    .isEqualTo(1);
        } else {
            assertThat(race.getJsonNumber("versionRead").longValue()).as(race.toString())
                    .isEqualTo(race.getJsonNumber("versionBefore").longValue());
        }
    }
}
