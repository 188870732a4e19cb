package org.raccord.api;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored answer served while the owner or the database is away is marked degraded in place: it
 * must say exactly what the same line rendered degraded says, so the caller cannot tell the paths apart.
 */
class LineAnswersTest {

    private static final String WHY = "accessOrder.feed open: Unreachable";

    private static LineView line(String degradedReason) {
        return LetterLine.view(degradedReason);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject marked(LineView stored, String why, boolean english) {
        byte[] bytes = LineAnswers.json(stored.summarized(english)).getBytes(StandardCharsets.UTF_8);
        return json(new String(LineAnswers.degraded(bytes, why, english), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFreshStoredAnswerMarkedDegradedIsTheAnswerRenderedDegraded(boolean english) {
        JsonObject rendered = json(LineAnswers.json(line(WHY).summarized(english)));

        assertThat(marked(line(null), WHY, english)).isEqualTo(rendered);
        assertThat(rendered.getString("summary")).contains(english ? "cannot be reached" : "ne répond pas");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anAnswerAlreadyDegradedTakesTheNewReasonAndSaysItsAgeOnce(boolean english) {
        LineView unknown = line("the network owner has not known this order since 2025-12-05");

        JsonObject marked = marked(unknown, WHY, english);

        assertThat(marked).isEqualTo(json(LineAnswers.json(line(WHY).summarized(english))));
        String age = english ? "Last confirmed" : "Dernière confirmation";
        assertThat(marked.getString("summary").indexOf(age)).isEqualTo(marked.getString("summary").lastIndexOf(age));
    }
}
