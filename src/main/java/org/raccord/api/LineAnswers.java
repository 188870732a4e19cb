package org.raccord.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.raccord.answers.AnswerRenderer;
import org.raccord.tracking.LineRecords;

/** Renders a line's answer for the read model and for lookups that render on demand, with one serializer. */
@ApplicationScoped
public class LineAnswers implements AnswerRenderer {

    /** Made on first use: the JSON-B provider is the container's. */
    private static final class Serializer {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    /** The answer's JSON: stored answers and answers rendered on demand come from this one serializer. */
    static String json(LineView view) {
        return Serializer.JSON.toJson(view);
    }

    @Override
    public Answer render(LineRecords r) {
        LineView view = LineView.of(r, null);
        return new Answer(json(view.summarized(false)), json(view.summarized(true)));
    }
}
