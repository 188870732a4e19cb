package org.raccord.support;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The truth checker's comparison of one served line with the owner's truth. */
class TruthCheckTest {

    private static final OwnerTruth.Line OWNER = OwnerTruth.Line.parse(String.join("\t", "CMD-00000008", "LIVREE", "2026-12-14", "1",
            "2026-12-08T07:00:00Z", "2026-12-08T07:00:00Z", "2026-12-14T11:00:00Z", "", "3,9,12", "4,7"));

    private static final String SERVED = """
            {"orderReference":"CMD-00000008","ownerState":"LIVREE","committedDeliveryDate":"2026-12-14",
             "deliveryDateRevisions":{"count":1,"history":[]},
             "previousProvider":{"operator":"FREE","cutoverState":"DONE","plannedCutAt":"2026-12-08T08:00:00+01:00","cutAt":"2026-12-08T08:00:00+01:00"},
             "deliveredAt":"2026-12-14T12:00:00+01:00",
             "freshness":{"orderSequence":12,"cutoverSequence":7,"degraded":false}}""";

    private static final String TIMELINE = """
            {"items":[{"feed":"ORDER","sequence":3},{"feed":"CUTOVER","sequence":4},{"feed":"CUTOVER","sequence":7},
                      {"feed":"ORDER","sequence":9},{"feed":"ORDER","sequence":12}]}""";

    @Test
    void aLineServedAsTheOwnerPublishedItAgrees() {
        TruthCheck.Comparison c = TruthCheck.compare(OWNER, json(SERVED), json(TIMELINE));
        assertThat(c.differences()).isEmpty();
        assertThat(OWNER.plannedCutAt()).isEqualTo(Instant.parse("2026-12-08T07:00:00Z"));
        assertThat(OWNER.committedDeliveryDate()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(OWNER.inServiceAt()).isNull();
    }

    @Test
    void everyFieldThatDiffersIsNamed() {
        String stale = SERVED.replace("\"LIVREE\"", "\"PLANIFIEE\"").replace("2026-12-14\"", "2026-12-11\"")
                .replace("\"count\":1", "\"count\":0").replace("\"orderSequence\":12", "\"orderSequence\":9")
                .replace(",\"cutAt\":\"2026-12-08T08:00:00+01:00\"", "").replace("\"deliveredAt\":\"2026-12-14T12:00:00+01:00\",", "");
        TruthCheck.Comparison c = TruthCheck.compare(OWNER, json(stale), json(TIMELINE));
        assertThat(c.differences()).extracting(d -> d.substring(0, d.indexOf(':')))
                .containsExactlyInAnyOrder("ownerState", "committedDeliveryDate", "deliveryDateRevisions", "cutAt", "deliveredAt",
                        "orderSequence");
    }

    @Test
    void eventsLostAppliedTwiceAndForeignAreCounted() {
        String timeline = """
                {"items":[{"feed":"ORDER","sequence":3},{"feed":"ORDER","sequence":3},{"feed":"CUTOVER","sequence":4},
                          {"feed":"CUTOVER","sequence":5},{"feed":"ORDER","sequence":12}]}""";
        TruthCheck.Comparison c = TruthCheck.compare(OWNER, json(SERVED), json(timeline));
        assertThat(List.of(c.lost(), c.twice(), c.foreign())).as("lost 9 and cutover 7, 3 twice, cutover 5 foreign")
                .containsExactly(2, 1, 1);
        assertThat(c.differences()).contains("timeline: lost 2, twice 1, foreign 1");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
