package org.raccord.answers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.raccord.tracking.LineKeys;

/**
 * One line's place on the answer shelf, as stored: either its answers (French and English JSON,
 * UTF-8) rendered at a version, or a withdrawal: the line is changing to {@code version}, and no
 * answer older than that may be stored or served as current. Both carry the line's references, so
 * that a lookup can check that the reference it came by still belongs to the line.
 *
 * <p>A change's withdrawal keeps the answer it withdraws, and its version ({@code kept}): while
 * the database is not answering, the line cannot be rendered, and that answer, said to predate the
 * line's latest change, is all a lookup can be given.
 *
 * @param token who wrote it ({@link WriteStamps}: which boot of the server, and which change, rendering or audit)
 * @param french the French answer, UTF-8, when made to be stored (null when decoded: see {@link #body});
 *               {@code english} likewise
 * @param kept   the version of the answer this entry holds: {@code version} for an answer, the
 *               withdrawn answer's for a withdrawal that kept one, {@link #NONE} for one that kept none
 */
record ShelfEntry(boolean withdrawn, long version, long token, String[] references, byte[] french, byte[] english, long kept) {

    private static final byte ANSWER = 1;
    private static final byte WITHDRAWN = 2;
    /** {@code kept} of a withdrawal that kept no answer (versions start at 0 or 1). */
    static final long NONE = -1;

    static ShelfEntry answer(LineKeys line, String french, String english, long token) {
        return new ShelfEntry(false, line.version(), token, ReferenceKind.allOf(line), french.getBytes(StandardCharsets.UTF_8),
                english.getBytes(StandardCharsets.UTF_8), line.version());
    }

    /** A withdrawal that keeps no answer (the line's entry was untrusted or missing). */
    static ShelfEntry withdrawal(LineKeys line, long token) {
        return new ShelfEntry(true, line.version(), token, ReferenceKind.allOf(line), null, null, NONE);
    }

    /** A withdrawal keeping the answer the encoded entry {@code replaced} holds, if any (an answer, or a withdrawal that kept one). */
    static ShelfEntry withdrawal(LineKeys line, long token, byte[] replaced) {
        try {
            ShelfEntry before = replaced == null ? null : decode(replaced);
            if (before == null || !before.holdsAnswer()) {
                return withdrawal(line, token);
            }
            return new ShelfEntry(true, line.version(), token, ReferenceKind.allOf(line), body(replaced, false),
                    body(replaced, true), before.kept());
        } catch (RuntimeException damaged) {
            // An entry that cannot be read keeps nothing; the withdrawal itself must not fail for it.
            return withdrawal(line, token);
        }
    }

    /**
     * After the change that wrote the encoded withdrawal {@code raw} rolled back: the line is back
     * at the version of the answer it kept, which a rendering may store again. The answer stays
     * kept, not current: another change may have been withdrawn before this one and not yet rendered.
     */
    static byte[] takenBack(byte[] raw) {
        ShelfEntry w = decode(raw);
        return new ShelfEntry(true, w.kept(), w.token(), w.references(), body(raw, false), body(raw, true), w.kept()).encode();
    }

    /** Whether a lookup can be given this entry's answer: as current (an answer) or as predating a change (a withdrawal that kept one). */
    boolean holdsAnswer() {
        return kept != NONE;
    }

    /** Whether a rendering at {@code version} may replace this entry: never an older one. */
    boolean acceptsRendering(long rendered) {
        return withdrawn ? rendered >= version : rendered > version;
    }

    boolean sameReferences(LineKeys line) {
        return Arrays.equals(references, ReferenceKind.allOf(line));
    }

    byte[] encode() {
        byte[][] refs = new byte[references.length][];
        int size = 1 + 8 + 8;
        for (int i = 0; i < refs.length; i++) {
            refs[i] = references[i] == null ? null : references[i].getBytes(StandardCharsets.UTF_8);
            size += 2 + (refs[i] == null ? 0 : refs[i].length);
        }
        if (withdrawn && holdsAnswer()) {
            size += 8;
        }
        if (holdsAnswer()) {
            size += 8 + french.length + english.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).put(withdrawn ? WITHDRAWN : ANSWER).putLong(version).putLong(token);
        for (byte[] ref : refs) {
            b.putShort((short) (ref == null ? -1 : ref.length));
            if (ref != null) {
                b.put(ref);
            }
        }
        if (withdrawn && holdsAnswer()) {
            b.putLong(kept);
        }
        if (holdsAnswer()) {
            b.putInt(french.length).put(french).putInt(english.length).put(english);
        }
        return b.array();
    }

    /**
     * The entry's kind, version, token and references. Its answers are left in {@code raw}: a
     * lookup reads one of them ({@link #body}), the other paths none.
     */
    static ShelfEntry decode(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw);
        byte kind = b.get();
        if (kind != ANSWER && kind != WITHDRAWN) {
            throw new IllegalStateException("not an answer shelf entry (kind " + kind + ")");
        }
        long version = b.getLong();
        long token = b.getLong();
        String[] refs = new String[ReferenceKind.values().length];
        readReferences(b, refs);
        // A withdrawal written before withdrawals kept answers ends here.
        long kept = kind == ANSWER ? version : b.remaining() >= 8 ? b.getLong() : NONE;
        return new ShelfEntry(kind == WITHDRAWN, version, token, refs, null, null, kept);
    }

    /** Reads the references from {@code b} into {@code refs}, or skips them when {@code refs} is null. */
    private static void readReferences(ByteBuffer b, String[] refs) {
        for (int i = 0; i < ReferenceKind.values().length; i++) {
            short length = b.getShort();
            if (length >= 0) {
                if (refs != null) {
                    refs[i] = new String(b.array(), b.position(), length, StandardCharsets.UTF_8);
                }
                b.position(b.position() + length);
            }
        }
    }

    /** One language's answer (UTF-8 JSON, as sent), read straight from an encoded entry that {@link #holdsAnswer holds one}. */
    static byte[] body(byte[] raw, boolean inEnglish) {
        ByteBuffer b = ByteBuffer.wrap(raw);
        b.position(1 + 8 + 8);
        readReferences(b, null);
        if (raw[0] == WITHDRAWN) {
            b.position(b.position() + 8);
        }
        int french = b.getInt();
        if (!inEnglish) {
            return Arrays.copyOfRange(raw, b.position(), b.position() + french);
        }
        b.position(b.position() + french);
        int english = b.getInt();
        return Arrays.copyOfRange(raw, b.position(), b.position() + english);
    }
}
