package org.raccord.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;

import org.raccord.tracking.LineKeys;
import org.raccord.tracking.LineRecords;
import org.raccord.tracking.TrackedLines;

/**
 * Renders lines into the read model, a batch per transaction: the lines are read afresh (a
 * transaction of its own, never a persistence context an earlier batch left stale, and only what
 * is committed) and their answers, in both languages, stored with the version they were read at.
 */
@ApplicationScoped
public class AnswerWriter {

    /** Made on first use: the JSON-B provider is the container's. */
    private static final class Serializer {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    @Inject
    TrackedLines lines;

    @Inject
    StoredAnswers answers;

    /** The answer's JSON: stored answers and answers rendered on demand come from this one serializer. */
    static String json(LineView view) {
        return Serializer.JSON.toJson(view);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int render(Collection<Long> ids) {
        List<AnswerShelf.Rendering> renderings = new ArrayList<>(ids.size());
        Set<Long> gone = new HashSet<>(ids);
        for (LineRecords r : lines.withRecords(ids)) {
            gone.remove(r.line().id());
            LineView view = LineView.of(r.line(), r.revisions(), r.milestones(), r.alerts(), null);
            renderings.add(new AnswerShelf.Rendering(LineKeys.of(r.line()), json(view.summarized(false)),
                    json(view.summarized(true))));
        }
        if (!gone.isEmpty()) {
            // Erased lines (retention): their withdrawn entries and reference keys go too.
            answers.remove(gone);
        }
        return answers.store(renderings);
    }
}
