package org.raccord.api;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import org.junit.jupiter.api.Test;
import org.raccord.polling.FeedPoller;
import org.raccord.tracking.LinesChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector renders the lines a commit changed, and, while polling catches up, keeps nothing
 * in memory: afterwards it renders what the database shows as missing or old.
 */
class AnswerProjectorTest {

    private final List<List<Long>> rendered = new ArrayList<>();
    private final List<Long> staleInDatabase = new ArrayList<>();
    private boolean behind;

    @Test
    void changedLinesAreRenderedAfterTheirCommit() {
        AnswerProjector projector = projector();
        projector.changed(new LinesChanged(Set.of(4L, 5L)));
        assertThat(rendered).hasSize(1);
        assertThat(rendered.get(0)).containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void duringACatchUpNothingIsKeptAndTheDatabaseSaysWhatToRenderAfterwards() {
        AnswerProjector projector = projector();
        behind = true;
        projector.changed(new LinesChanged(Set.of(1L, 2L, 3L)));
        assertThat(rendered).as("ingestion keeps the CPU").isEmpty();

        behind = false;
        staleInDatabase.addAll(List.of(1L, 2L, 3L));
        projector.changed(new LinesChanged(Set.of(9L)));
        assertThat(rendered).containsExactly(List.of(1L, 2L, 3L), List.of(9L));
    }

    @Test
    void atStartUpMissingOrOldAnswersAreRenderedInBatches() {
        for (long id = 1; id <= 450; id++) {
            staleInDatabase.add(id);
        }
        projector().catchUpAtStart(null);
        assertThat(rendered).extracting(List::size).containsExactly(200, 200, 50);
    }

    private AnswerProjector projector() {
        AnswerProjector projector = new AnswerProjector();
        projector.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (p, m, args) -> {
                    if (m.getName().equals("submit") && args[0] instanceof Runnable task) {
                        task.run();   // the container's executor, run inline
                        return CompletableFuture.completedFuture(null);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        projector.poller = new FeedPoller() {
            @Override
            public boolean behind() {
                return behind;
            }
        };
        projector.answers = new StoredAnswers() {
            @Override
            List<Long> stale(long after, int limit) {
                return staleInDatabase.stream().filter(id -> id > after).limit(limit).toList();
            }
        };
        projector.writer = new AnswerWriter() {
            @Override
            public int render(Collection<Long> ids) {
                rendered.add(new ArrayList<>(ids));
                staleInDatabase.removeAll(ids);
                return ids.size();
            }
        };
        return projector;
    }
}
