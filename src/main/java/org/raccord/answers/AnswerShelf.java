package org.raccord.answers;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.KeyRange;
import org.lmdbjava.Txn;
import org.raccord.tracking.LineKeys;

/**
 * Where the read model keeps each line's rendered answers: an LMDB environment (a memory-mapped
 * B+tree) beside the database. A lookup is a reference-to-line read and a line-to-entry read in
 * one read transaction: no SQL, no connection, no page objects on the heap, and readers never wait
 * for writers. Two key spaces: {@code lines} (line id, 8 bytes big-endian, to a {@link ShelfEntry})
 * and {@code references} (a {@link ReferenceKind} key to the line id).
 *
 * <p>Durability is not needed (the shelf is derived from the database and audited against it at
 * start-up), so commits are not synced to disk: writes cost microseconds.
 */
final class AnswerShelf implements AutoCloseable {

    /**
     * The answer found: its version (for the ETag) and the body in the language asked.
     * {@code predatesChange}: the line is changing, or changed, since this answer (a withdrawal kept
     * it); it may be served only when the line cannot be rendered.
     */
    record Found(long version, byte[] json, boolean predatesChange) {
    }

    /** One reference to try: its kind and value. */
    record Key(ReferenceKind kind, String value) {
    }

    private final Path dir;
    private final boolean discarded;
    private final Env<byte[]> env;
    private final Dbi<byte[]> lines;
    private final Dbi<byte[]> references;
    /** Read transactions between lookups (reset: they hold no snapshot), for the next lookups to renew. */
    private final Queue<Txn<byte[]>> readers = new ConcurrentLinkedQueue<>();

    private AnswerShelf(Path dir, boolean discarded, Env<byte[]> env) {
        this.dir = dir;
        this.discarded = discarded;
        this.env = env;
        this.lines = env.openDbi("lines", DbiFlags.MDB_CREATE);
        this.references = env.openDbi("references", DbiFlags.MDB_CREATE);
    }

    /** Opens (creating if needed) the shelf in {@code dir}, which may grow up to {@code maxBytes}. */
    static AnswerShelf open(Path dir, long maxBytes) {
        return open(dir, maxBytes, ShelfMarker.currentBoot());
    }

    /** As {@link #open(Path, long)}, on the machine boot {@code boot} (see {@link ShelfMarker}). */
    static AnswerShelf open(Path dir, long maxBytes, String boot) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the answer shelf directory " + dir, e);
        }
        boolean discarded = ShelfMarker.discardIfTorn(dir, boot);
        File file = dir.toFile();
        // NOTLS: read transactions are not tied to a thread (Liberty's pool threads come and go).
        // NORDAHEAD: lookups are random reads; read-ahead would fill the page cache with neighbours.
        return new AnswerShelf(dir, discarded, Env.create(ByteArrayProxy.PROXY_BA).setMapSize(maxBytes).setMaxDbs(2).setMaxReaders(1024)
                .open(file, EnvFlags.MDB_NOTLS, EnvFlags.MDB_NORDAHEAD, EnvFlags.MDB_NOSYNC));
    }

    /** Whether opening found the shelf possibly damaged by the machine's unclean stop, and began anew. */
    boolean discarded() {
        return discarded;
    }

    /**
     * The answer of the line the first of {@code lookups} names, if the shelf holds one (current, or
     * kept by a withdrawal: {@link Found#predatesChange}): none when no reference names a line
     * here, when the line's answer is missing or was withdrawn without one to keep, or when the
     * reference no longer belongs to the line it points at.
     */
    Optional<Found> find(List<Key> lookups, boolean english) {
        Txn<byte[]> txn = reader();
        try {
            for (Key lookup : lookups) {
                if (lookup.value() == null) {
                    continue;
                }
                byte[] id = references.get(txn, lookup.kind().key(lookup.value()));
                if (id == null) {
                    continue;
                }
                byte[] raw = lines.get(txn, id);
                if (raw == null) {
                    return Optional.empty();
                }
                ShelfEntry entry = ShelfEntry.decode(raw);
                if (!entry.holdsAnswer() || !lookup.value().equals(entry.references()[lookup.kind().ordinal()])) {
                    return Optional.empty();
                }
                return Optional.of(new Found(entry.kept(), ShelfEntry.body(raw, english), entry.withdrawn()));
            }
            return Optional.empty();
        } finally {
            txn.reset();
            readers.offer(txn);
        }
    }

    /** A read transaction: a reset one renewed (beginning one costs an allocation in LMDB), or a new one. */
    private Txn<byte[]> reader() {
        Txn<byte[]> txn = readers.poll();
        if (txn == null) {
            return env.txnRead();
        }
        txn.renew();
        return txn;
    }

    /**
     * Marks these lines as changing to their versions, and points their references at them. Each
     * withdrawal keeps the answer it replaces, to be served only while the line cannot be rendered.
     */
    void withdraw(Collection<LineKeys> changing, long token) {
        try (Txn<byte[]> txn = env.txnWrite()) {
            for (LineKeys line : changing) {
                byte[] raw = lines.get(txn, id(line.id()));
                ShelfEntry entry = raw == null ? null : ShelfEntry.decode(raw);
                if (entry == null || entry.withdrawn() || entry.version() < line.version()) {
                    put(txn, line, ShelfEntry.withdrawal(line, token, raw));
                }
            }
            txn.commit();
        }
    }

    /** Of these lines (id to a committed version), those the shelf holds at an older version or not at all. */
    List<Long> behind(Map<Long, Long> versions) {
        List<Long> behind = new ArrayList<>();
        try (Txn<byte[]> txn = env.txnRead()) {
            versions.forEach((lineId, version) -> {
                ShelfEntry entry = entry(txn, lineId);
                if (entry == null || entry.version() < version) {
                    behind.add(lineId);
                }
            });
        }
        return behind;
    }

    /** After a rollback: removes the withdrawals {@code token} made that nobody replaced since. */
    void takeBack(Collection<LineKeys> changing, long token) {
        try (Txn<byte[]> txn = env.txnWrite()) {
            for (LineKeys line : changing) {
                byte[] raw = lines.get(txn, id(line.id()));
                ShelfEntry entry = raw == null ? null : ShelfEntry.decode(raw);
                if (entry != null && entry.withdrawn() && entry.token() == token) {
                    if (entry.holdsAnswer()) {
                        lines.put(txn, id(line.id()), ShelfEntry.takenBack(raw));
                    } else {
                        lines.delete(txn, id(line.id()));
                    }
                }
            }
            txn.commit();
        }
    }

    /** Stores these renderings, each unless the shelf knows of a newer version; returns how many were stored. */
    int store(Collection<Rendering> renderings, long token) {
        int stored = 0;
        try (Txn<byte[]> txn = env.txnWrite()) {
            for (Rendering r : renderings) {
                ShelfEntry entry = entry(txn, r.line().id());
                if (entry == null || entry.acceptsRendering(r.line().version())) {
                    put(txn, r.line(), ShelfEntry.answer(r.line(), r.french(), r.english(), token));
                    stored++;
                }
            }
            txn.commit();
        }
        return stored;
    }

    /** A line's answers as rendered from the line at its version. */
    record Rendering(LineKeys line, String french, String english) {
    }

    /**
     * Compares the shelf with lines as the database has them (committed) and withdraws every entry
     * that does not match; returns the ids to render. An entry newer than the line, written since
     * {@code boot} began, belongs to a change or rendering newer than this read of the line and is
     * left alone; one from an earlier boot means the database went back (restored): withdrawn.
     */
    List<Long> audit(Collection<LineKeys> committed, long boot, long token) {
        List<Long> stale = new ArrayList<>();
        try (Txn<byte[]> txn = env.txnWrite()) {
            for (LineKeys line : committed) {
                ShelfEntry entry = entry(txn, line.id());
                if (entry != null && !entry.withdrawn() && entry.version() == line.version() && entry.sameReferences(line)) {
                    pointReferences(txn, line);
                } else if (entry == null || entry.version() <= line.version() || WriteStamps.boot(entry.token()) != boot) {
                    put(txn, line, ShelfEntry.withdrawal(line, token));
                    stale.add(line.id());
                }
            }
            txn.commit();
        }
        return stale;
    }

    /** Line ids on the shelf whose entry is not a withdrawal made since {@code boot} began, after {@code after}. */
    List<Long> shelvedIds(long after, int limit, long boot) {
        List<Long> ids = new ArrayList<>();
        try (Txn<byte[]> txn = env.txnRead(); CursorIterable<byte[]> it = lines.iterate(txn, KeyRange.greaterThan(id(after)))) {
            for (CursorIterable.KeyVal<byte[]> kv : it) {
                long id = ByteBuffer.wrap(kv.key()).getLong();
                ShelfEntry entry = ShelfEntry.decode(kv.val());
                if (!(entry.withdrawn() && WriteStamps.boot(entry.token()) == boot)) {
                    ids.add(id);
                    if (ids.size() == limit) {
                        break;
                    }
                }
            }
        }
        return ids;
    }

    /** Removes these lines' entries (lines the database does not have), with the references that point at them. */
    void remove(Collection<Long> ids) {
        try (Txn<byte[]> txn = env.txnWrite()) {
            for (long lineId : ids) {
                byte[] id = id(lineId);
                byte[] raw = lines.get(txn, id);
                if (raw == null) {
                    continue;
                }
                String[] values = ShelfEntry.decode(raw).references();
                for (ReferenceKind kind : ReferenceKind.values()) {
                    String value = values[kind.ordinal()];
                    if (value != null && Arrays.equals(references.get(txn, kind.key(value)), id)) {
                        references.delete(txn, kind.key(value));
                    }
                }
                lines.delete(txn, id);
            }
            txn.commit();
        }
    }

    /** How many references the shelf holds (each kind's values). */
    long referenceCount() {
        try (Txn<byte[]> txn = env.txnRead()) {
            return references.stat(txn).entries;
        }
    }

    private ShelfEntry entry(Txn<byte[]> txn, long lineId) {
        byte[] raw = lines.get(txn, id(lineId));
        return raw == null ? null : ShelfEntry.decode(raw);
    }

    private void put(Txn<byte[]> txn, LineKeys line, ShelfEntry entry) {
        lines.put(txn, id(line.id()), entry.encode());
        pointReferences(txn, line);
    }

    private void pointReferences(Txn<byte[]> txn, LineKeys line) {
        byte[] id = id(line.id());
        for (ReferenceKind kind : ReferenceKind.values()) {
            String value = kind.in(line);
            if (value != null) {
                byte[] key = kind.key(value);
                byte[] current = references.get(txn, key);
                if (!Arrays.equals(current, id)) {
                    references.put(txn, key, id);
                }
            }
        }
    }

    private static byte[] id(long lineId) {
        return ByteBuffer.allocate(8).putLong(lineId).array();
    }

    @Override
    public void close() {
        for (Txn<byte[]> txn = readers.poll(); txn != null; txn = readers.poll()) {
            txn.close();
        }
        env.sync(true);
        env.close();
        ShelfMarker.cleared(dir);
    }
}
