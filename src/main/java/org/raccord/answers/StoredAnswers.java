package org.raccord.answers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.tracking.LineColumn;
import org.raccord.tracking.LineKeys;

/**
 * The API's read model: each line's answer as rendered JSON, French and English, with the line
 * version it was rendered from, on the {@link AnswerShelf}. A lookup reads it without SQL and
 * without serializing anything. A change withdraws its lines' answers before it commits, so an
 * answer older than its line is never served: the caller renders the line instead. Until the
 * shelf has been audited against the database (start-up), or once it could not be written (a full
 * disk) until an audit succeeds again, lookups render every line.
 */
@ApplicationScoped
public class StoredAnswers {

    private static final Logger LOG = Logger.getLogger(StoredAnswers.class.getName());

    /**
     * What a lookup gets: the line's version (for the ETag) and the answer in the asked language,
     * UTF-8 JSON. {@code behind}: this instance has not read the other instances' changes lately
     * (the database is not answering it), so the answer may be older than its line.
     * {@code predatesChange}: the line has changed, or is changing, since this answer was rendered;
     * serve it only when the line cannot be rendered (the database is not answering), said so.
     */
    public record StoredAnswer(long version, byte[] json, boolean behind, boolean predatesChange) {
    }

    @Inject
    @ConfigProperty(name = "raccord.answers.dir")
    Optional<String> directory;

    /** How large the shelf may grow (it is a sparse memory map: only what is written takes space). */
    @Inject
    @ConfigProperty(name = "raccord.answers.maxGiB", defaultValue = "64")
    long maxGiB;

    private final WriteStamps tokens = new WriteStamps();
    /** How long an erased line's id refuses renderings: far longer than any rendering under way takes. */
    private static final Duration TOMBSTONES = Duration.ofMinutes(10);
    /** Lines erased lately, with when (guarded by itself; stores and erasures hold it in turn). */
    private final Map<Long, Instant> erased = new HashMap<>();
    private final AtomicLong readFailures = new AtomicLong();
    /** Failed withdrawals (also the lock that orders them with {@link #serve(long)}). */
    private final AtomicLong writeFailures = new AtomicLong();
    /** Audits that failed (their own writes met a full disk, or the database was away): each is tried again. */
    private final AtomicLong auditFailures = new AtomicLong();
    /** How often an audit is tried again after a withdrawal or an audit failed (a disk that was full may have room again). */
    static final Duration RETRY_AUDIT = Duration.ofSeconds(30);
    private volatile long auditTriedAt;
    /** Closing the shelf waits for the readers and writers using it: LMDB must not close under them. */
    private final ReadWriteLock use = new ReentrantReadWriteLock();
    private AnswerShelf shelf;
    private volatile boolean serving;
    private volatile boolean changeLogUnreadable;
    /** Whether a follower of the other instances' changes runs, and when it last read them all. */
    private volatile boolean following;
    private volatile long followedAt;
    /** The clock of that staleness (a test moves it). */
    LongSupplier nanos = System::nanoTime;
    /** Answers are said to be behind once the change log has not been read for this long (see ChangeFollower). */
    static final long FOLLOW_STALE_NANOS = Duration.ofSeconds(2).toNanos();

    @PostConstruct
    void open() {
        if (directory.isEmpty()) {
            LOG.warning("raccord.answers.dir is not set: no read model, every lookup renders its line");
            return;
        }
        try {
            open(AnswerShelf.open(Path.of(directory.get()), maxGiB << 30));
        } catch (RuntimeException | LinkageError e) {
            // A read model that cannot open (no native library, no space, a damaged store) must not
            // take lookups or polling down with it: lookups render their lines meanwhile.
            LOG.log(Level.SEVERE, "the answer shelf in " + directory.get() + " cannot be opened: every lookup renders its line", e);
        }
    }

    void open(AnswerShelf opened) {
        if (opened.discarded()) {
            LOG.warning("the answer shelf was left open when the machine last stopped and may be damaged:"
                    + " it was discarded, and the start-up audit renders every line again");
        }
        use.writeLock().lock();
        try {
            shelf = opened;
        } finally {
            use.writeLock().unlock();
        }
    }

    private void onShelf(Consumer<AnswerShelf> work) {
        onShelf(s -> {
            work.accept(s);
            return null;
        }, null);
    }

    private <T> T onShelf(Function<AnswerShelf, T> work, T without) {
        use.readLock().lock();
        try {
            return shelf == null ? without : work.apply(shelf);
        } finally {
            use.readLock().unlock();
        }
    }

    /**
     * The stored answer of the line the reference designates, if it is as current as the line as
     * far as this instance knows; {@link StoredAnswer#behind() behind} if it has not read the
     * other instances' changes lately. If that is because the change log cannot be read (the
     * database is not answering), then also, for a line withdrawn while it changed, the answer its
     * withdrawal kept ({@link StoredAnswer#predatesChange() predating} that change): rendering
     * would wait for the database too. A log merely read behind (a flood of changes) is no reason
     * not to render such a line. A shelf that cannot be read (a damaged entry) answers
     * nothing: the caller renders the line.
     */
    public Optional<StoredAnswer> find(List<LineColumn.Try> tries, boolean english) {
        // Deaf to the other instances' changes means the database is not answering (the change log is
        // read every 250 ms): rendering would wait for it too, so the stored answer is served, said to be old.
        boolean behind = following && nanos.getAsLong() - followedAt > FOLLOW_STALE_NANOS;
        boolean away = behind && changeLogUnreadable;
        return find(tries, english, behind).filter(a -> away || !a.predatesChange());
    }

    /**
     * For a line that could not be rendered because the database did not answer: the stored
     * answer, current or kept by the withdrawal of a change ({@link StoredAnswer#predatesChange()}),
     * always said to be {@link StoredAnswer#behind() behind}.
     */
    public Optional<StoredAnswer> whileTheDatabaseIsAway(List<LineColumn.Try> tries, boolean english) {
        return find(tries, english, true);
    }

    private Optional<StoredAnswer> find(List<LineColumn.Try> tries, boolean english, boolean behind) {
        if (!serving) {
            // Not audited yet, or a withdrawal was lost: the caller renders the line.
            return Optional.empty();
        }
        try {
            return onShelf(s -> s.find(lookups(tries), english), Optional.<AnswerShelf.Found>empty())
                    .map(found -> new StoredAnswer(found.version(), found.json(), behind, found.predatesChange()));
        } catch (RuntimeException e) {
            long failures = readFailures.incrementAndGet();
            // The first, then one in a thousand: a damaged entry looked up at full speed must not flood the log.
            if (failures % 1000 == 1) {
                LOG.log(Level.WARNING, "the answer shelf could not be read (" + failures
                        + " time(s) since start-up): the line is rendered instead", e);
            }
            return Optional.empty();
        }
    }

    /** Lookups whose stored answer could not be read (and were rendered) since start-up. */
    public long readFailures() {
        return readFailures.get();
    }

    /** The shelf keys a reference is tried against: the database lookup's tries, in their order. */
    static List<AnswerShelf.Key> lookups(List<LineColumn.Try> tries) {
        return tries.stream().filter(t -> t.value() != null)
                .map(t -> new AnswerShelf.Key(ReferenceKind.of(t.column()), t.value())).toList();
    }

    /**
     * Withdraws the answers of lines a transaction is changing; returns the token that may take the
     * withdrawal back if the transaction rolls back. If the shelf cannot be written, it stops
     * serving (lookups render every line) rather than failing the change.
     */
    long withdraw(Collection<LineKeys> changing) {
        long token = tokens.next();
        try {
            onShelf(s -> s.withdraw(changing, token));
        } catch (RuntimeException e) {
            synchronized (writeFailures) {
                serving = false;
                writeFailures.incrementAndGet();
                auditTriedAt = nanos.getAsLong();
            }
            LOG.log(Level.SEVERE, "the answer shelf cannot be written (a full disk?): lookups render every line"
                    + " until an audit succeeds again (tried every " + RETRY_AUDIT.toSeconds() + " s)", e);
        }
        return token;
    }

    /** Withdrawals that failed since start-up: each stopped the shelf from serving until the next clean audit. */
    long writeFailures() {
        return writeFailures.get();
    }

    /**
     * An audit did not finish: the shelf does not serve (an audit is asked for when it may be out of
     * date, at start-up or after changes it missed), and nothing but another audit lets it.
     */
    void auditFailed() {
        synchronized (writeFailures) {
            serving = false;
            auditFailures.incrementAndGet();
            auditTriedAt = nanos.getAsLong();
        }
    }

    /** Audits that did not finish since start-up. */
    long auditFailures() {
        return auditFailures.get();
    }

    /**
     * The shelf does not serve because a withdrawal or an audit failed, and the last audit is old
     * enough to try another.
     */
    boolean auditDue(long nowNanos) {
        if (serving || writeFailures.get() + auditFailures.get() == 0 || nowNanos - auditTriedAt < RETRY_AUDIT.toNanos()) {
            return false;
        }
        auditTriedAt = nowNanos;
        return true;
    }

    void takeBack(Collection<LineKeys> changing, long token) {
        onShelf(s -> s.takeBack(changing, token));
    }

    /** Stores renderings unless the shelf knows of newer versions of their lines; returns how many were stored. */
    int store(Collection<AnswerShelf.Rendering> renderings) {
        synchronized (erased) {
            Collection<AnswerShelf.Rendering> kept = erased.isEmpty() ? renderings
                    : renderings.stream().filter(r -> !erased.containsKey(r.line().id())).toList();
            return onShelf(s -> s.store(kept, tokens.next()), 0);
        }
    }

    /**
     * Lines erased by retention: their answers and reference keys go, and for a while no rendering
     * may store them again (one that read a line just before it went would put its answer back).
     */
    void erase(Collection<Long> ids) {
        synchronized (erased) {
            Instant now = Instant.now();
            erased.values().removeIf(at -> at.isBefore(now.minus(TOMBSTONES)));
            ids.forEach(id -> erased.put(id, now));
            remove(ids);
        }
    }

    /** Withdraws every answer that does not match its line as committed; returns the ids to render. */
    List<Long> audit(Collection<LineKeys> committed) {
        return onShelf(s -> s.audit(committed, tokens.boot(), tokens.next()), List.of());
    }

    /** Line ids on the shelf after {@code after}, except withdrawals of changes in flight. */
    List<Long> shelvedIds(long after, int limit) {
        return onShelf(s -> s.shelvedIds(after, limit, tokens.boot()), List.of());
    }

    void remove(Collection<Long> ids) {
        onShelf(s -> s.remove(ids));
    }

    /** Whether the last attempt to read the change log failed (see {@link ChangeFollower}). */
    void changeLogUnreadable(boolean unreadable) {
        changeLogUnreadable = unreadable;
    }

    /** The change log was read to its end from {@code asOf} ({@link #nanos}): the shelf knows every change committed before. */
    void followed(long asOf) {
        followedAt = asOf;
        following = true;
    }

    /** Of these lines (id to a committed version), those the shelf holds at an older version or not at all. */
    List<Long> behind(Map<Long, Long> versions) {
        return onShelf(s -> s.behind(versions), List.copyOf(versions.keySet()));
    }

    /** Lookups may use the shelf: it has been audited against the database. */
    void serve() {
        serve(writeFailures());
    }

    /**
     * As {@link #serve()}, unless a withdrawal failed since {@code failuresBefore} (read when the
     * audit began): that change's line may still hold its old answer, so the shelf waits for the next audit.
     */
    void serve(long failuresBefore) {
        synchronized (writeFailures) {
            serving = writeFailures.get() == failuresBefore && onShelf(s -> true, false);
        }
    }

    boolean serving() {
        return serving;
    }

    @PreDestroy
    void close() {
        serving = false;
        use.writeLock().lock();
        try {
            if (shelf != null) {
                shelf.close();
                shelf = null;
            }
        } finally {
            use.writeLock().unlock();
        }
    }
}
