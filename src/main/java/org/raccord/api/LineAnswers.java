package org.raccord.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

import org.raccord.answers.AnswerRenderer;
import org.raccord.tracking.LineRecords;

/** Renders a line's answer for the read model and for lookups that render on demand, with one serializer. */
@ApplicationScoped
public class LineAnswers implements AnswerRenderer {

    /** Made on first use: the JSON-B provider is the container's. */
    private static final class Serializer {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    /** Found once: {@code Json.createReader} would look the JSON-P provider up at every degraded lookup. */
    private static final class Patcher {
        static final JsonProvider JSON = JsonProvider.provider();
    }

    /** The answer's JSON: stored answers and answers rendered on demand come from this one serializer. */
    static String json(LineView view) {
        return Serializer.JSON.toJson(view);
    }

    /**
     * A stored answer (rendered fresh) as it is rendered while degraded: its freshness says why,
     * and its summary ends with how old it is. Lets a lookup answer from the read model while the
     * owner or the database is away, without the database.
     */
    static byte[] degraded(byte[] stored, String reason, boolean english) {
        JsonObject answer;
        try (JsonReader reader = Patcher.JSON.createReader(new ByteArrayInputStream(stored))) {
            answer = reader.readObject();
        }
        JsonObject freshness = answer.getJsonObject("freshness");
        JsonObjectBuilder patched = Patcher.JSON.createObjectBuilder(answer).add("freshness",
                Patcher.JSON.createObjectBuilder(freshness).add("degraded", JsonValue.TRUE).add("degradedReason", reason));
        // Already degraded (the owner no longer knows the order): the summary already says how old it is.
        if (!freshness.getBoolean("degraded") && answer.get("summary") instanceof JsonString summary
                && freshness.get("confirmedAt") instanceof JsonString confirmed) {
            patched.add("summary", summary.getString() + " "
                    + StatusSummary.old(OffsetDateTime.parse(confirmed.getString()), english));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length + 200);
        try (JsonWriter writer = Patcher.JSON.createWriter(out)) {
            writer.writeObject(patched.build());
        }
        return out.toByteArray();
    }

    @Override
    public Answer render(LineRecords r) {
        LineView view = LineView.of(r, null);
        return new Answer(json(view.summarized(false)), json(view.summarized(true)));
    }
}
