package org.raccord.heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One scheduled loop's sign of life. The loop beats at the end of every run, and while a long run
 * makes progress; it is stale once it has not beaten for {@code staleAfter}, which is what a loop
 * that died (its schedule cancelled) or hangs looks like from outside.
 */
public final class Heartbeat {

    private final String loop;
    private final Duration staleAfter;
    private final Clock clock;
    private final Instant started;
    private volatile Instant lastBeat;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;
    private volatile UnaryOperator<Throwable> shown = UnaryOperator.identity();

    public Heartbeat(String loop, Duration staleAfter, Clock clock) {
        this.loop = loop;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * Stale after {@code intervals} of the loop's own interval, but never sooner than
     * {@code floor}: one slow run (a catch-up, a backlog) is not a dead loop.
     */
    public static Heartbeat every(String loop, Duration interval, int intervals, Duration floor, Clock clock) {
        Duration byIntervals = interval.multipliedBy(intervals);
        return new Heartbeat(loop, byIntervals.compareTo(floor) > 0 ? byIntervals : floor, clock);
    }

    /**
     * How a failure is shown, in the log and on the console: the loops pass a redaction that
     * masks personal data (this package imports nothing of Raccord to know how). Returns this.
     */
    public Heartbeat showingFailuresAs(UnaryOperator<Throwable> redaction) {
        this.shown = redaction;
        return this;
    }

    /**
     * One run of the loop. Nothing escapes it: a scheduler silently cancels a task that throws,
     * and the loop would be dead while everything else looks fine. A failure is kept and logged
     * (an Error too, as far as logging still works); the heartbeat beats at the end, whatever happened.
     */
    public void run(Runnable work, Logger log) {
        try {
            work.run();
        } catch (Throwable e) { // NOPMD: see above
            failed(e);
            log.log(e instanceof RuntimeException ? Level.WARNING : Level.SEVERE,
                    loop + " run failed; the next run will try again", shownSafely(e));
        } finally {
            beat();
        }
    }

    /** The failure as shown; if showing it fails too (out of memory), a bare one that says what it was. */
    private Throwable shownSafely(Throwable failure) {
        try {
            return shown.apply(failure);
        } catch (Throwable unshowable) { // NOPMD: nothing may escape a run
            return new IllegalStateException(failure.getClass().getName());
        }
    }

    public void beat() {
        lastBeat = clock.instant();
    }

    /** A run failed: kept to be shown; the loop goes on and beats as usual. */
    public void failed(Throwable failure) {
        String message = shownSafely(failure).getMessage();
        lastFailure = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        lastFailureAt = clock.instant();
    }

    public String loop() {
        return loop;
    }

    /** What the loop looks like now. */
    public Reading read() {
        Instant now = clock.instant();
        Instant since = lastBeat == null ? started : lastBeat;
        Duration age = Duration.between(since, now);
        return new Reading(loop, lastBeat, age.toMillis() / 1000.0, age.compareTo(staleAfter) > 0,
                staleAfter.toSeconds(), lastFailure, lastFailureAt);
    }

    /**
     * A loop's state: its last run (null before the first: the age then counts from start-up),
     * stale or not, and its last failure (null when none).
     */
    public record Reading(String loop, Instant lastRunAt, double ageSeconds, boolean stale,
                          long staleAfterSeconds, String lastFailure, Instant lastFailureAt) {
    }
}
