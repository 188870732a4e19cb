package org.raccord.answers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    TrackedLines lines;

    @Inject
    StoredAnswers answers;

    @Inject
    AnswerRenderer renderer;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int render(Collection<Long> ids) {
        List<AnswerShelf.Rendering> renderings = new ArrayList<>(ids.size());
        Set<Long> gone = new HashSet<>(ids);
        for (LineRecords r : lines.withRecords(ids)) {
            gone.remove(r.line().id());
            AnswerRenderer.Answer answer = renderer.render(r);
            renderings.add(new AnswerShelf.Rendering(LineKeys.of(r.line()), answer.french(), answer.english()));
        }
        if (!gone.isEmpty()) {
            // Erased lines (retention): their withdrawn entries and reference keys go too.
            answers.remove(gone);
        }
        return answers.store(renderings);
    }
}
