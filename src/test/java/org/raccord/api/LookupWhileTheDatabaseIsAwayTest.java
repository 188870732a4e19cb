package org.raccord.api;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raccord.answers.StoredAnswers;
import org.raccord.tracking.LineColumn;
import org.raccord.lines.LineFinder;
import org.raccord.lines.LineReference;
import org.raccord.tracking.TrackedLine;
import org.raccord.web.UnexpectedFailureMapper;
import org.raccord.wholesale.NetworkOwner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A lookup of a line whose stored answer was withdrawn by a change (rendered again once the change
 * commits) must be rendered from the database; when the database has just gone away, the answer
 * the withdrawal kept is served instead, flagged degraded and said to predate the line's latest
 * change, never a 500. Other failures are not hidden that way, and a line with nothing stored gets
 * 503 with a time to retry. The store and the finder are stand-ins: what is tested is the resource's
 * choice.
 */
class LookupWhileTheDatabaseIsAwayTest {

    private static final byte[] STORED = LineAnswers.json(LetterLine.view(null).summarized(false)).getBytes(StandardCharsets.UTF_8);
    private static final RuntimeException REFUSED = new PersistenceException("Exception [EclipseLink-4002]",
            new SQLException("Connection to localhost:55432 refused", "08001"));

    private final LinesResource resource = new LinesResource();
    private final AtomicInteger databaseReads = new AtomicInteger();
    private RuntimeException databaseFails;
    private Optional<StoredAnswers.StoredAnswer> current = Optional.empty();
    private Optional<StoredAnswers.StoredAnswer> keptByTheWithdrawal = Optional.empty();

    @BeforeEach
    void wire() {
        resource.owner = new NetworkOwner(null, null, null) {
            @Override
            public String degradedReason(Instant now) {
                return null;
            }
        };
        resource.finder = new LineFinder() {
            @Override
            public Optional<TrackedLine> find(LineReference reference) {
                databaseReads.incrementAndGet();
                throw databaseFails;
            }
        };
        resource.answers = new StoredAnswers() {
            @Override
            public Optional<StoredAnswer> find(List<LineColumn.Try> tries, boolean english) {
                return current;
            }

            @Override
            public Optional<StoredAnswer> whileTheDatabaseIsAway(List<LineColumn.Try> tries, boolean english) {
                return keptByTheWithdrawal;
            }
        };
        resource.meters = new SimpleMeterRegistry();
        resource.meters();
    }

    @Test
    void aWithdrawnLineIsServedTheAnswerItsWithdrawalKeptWhenTheDatabaseRefuses() {
        databaseFails = REFUSED;
        keptByTheWithdrawal = Optional.of(new StoredAnswers.StoredAnswer(3, STORED, true, true));

        Response answer = lookUp();

        assertThat(databaseReads).as("rendering was tried first").hasValue(1);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getEntityTag().getValue()).isEqualTo("3-degraded-fr");
        JsonObject freshness = body(answer).getJsonObject("freshness");
        assertThat(freshness.getBoolean("degraded")).isTrue();
        assertThat(freshness.getString("degradedReason")).isEqualTo(LinesResource.BEFORE_CHANGE);
    }

    @Test
    void onceTheInstanceKnowsTheDatabaseIsAwayTheKeptAnswerIsServedWithoutWaitingForIt() {
        // StoredAnswers gives a kept answer from find() only while its change log has gone unread.
        current = Optional.of(new StoredAnswers.StoredAnswer(3, STORED, true, true));

        Response answer = lookUp();

        assertThat(databaseReads).hasValue(0);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(body(answer).getJsonObject("freshness").getString("degradedReason")).isEqualTo(LinesResource.BEFORE_CHANGE);
    }

    @Test
    void aFailureThatIsNotTheDatabaseGoingAwayIsNotCoveredByAStoredAnswer() {
        databaseFails = new PersistenceException("constraint", new SQLException("duplicate key", "23505"));
        keptByTheWithdrawal = Optional.of(new StoredAnswers.StoredAnswer(3, STORED, true, true));

        assertThat(catchThrowable(this::lookUp)).isSameAs(databaseFails);
    }

    @Test
    void aLineWithNothingStoredGetsServiceUnavailableWithATimeToRetry() {
        databaseFails = REFUSED;

        Throwable failure = catchThrowable(this::lookUp);
        Response problem = new UnexpectedFailureMapper().toResponse(failure);

        assertThat(failure).isSameAs(REFUSED);
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(problem.getEntity().toString()).contains("/problems/database-unavailable");
    }

    private Response lookUp() {
        return resource.line("CMD-00000001", headers(), request());
    }

    private static JsonObject body(Response answer) {
        return Json.createReader(new StringReader(new String((byte[]) answer.getEntity(), StandardCharsets.UTF_8))).readObject();
    }

    private static HttpHeaders headers() {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getAcceptableLanguages") ? List.<Locale>of() : null);
    }

    /** No precondition sent: evaluating them finds nothing to answer 304 for. */
    private static Request request() {
        return (Request) Proxy.newProxyInstance(Request.class.getClassLoader(), new Class<?>[] {Request.class},
                (proxy, method, args) -> null);
    }
}
