package org.raccord.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cutover moves the owner granted, in the order it granted them, with the request each answers.
 * Kept in a file next to the timeline's anchor when the world is kept, so a restarted owner replays
 * the same feeds; in memory otherwise.
 */
public final class MoveLog {

    /** One granted move and the provider's request id it answered. */
    public record Entry(String requestId, CutoverMove move) {
    }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    private MoveLog(Path file) {
        this.file = file;
    }

    public static MoveLog inMemory() {
        return new MoveLog(null);
    }

    /** The moves kept in {@code file} (one world's: the file name carries its epoch), read now and appended to. */
    static MoveLog kept(Path file) {
        MoveLog log = new MoveLog(file);
        try {
            if (Files.exists(file)) {
                for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = row.split("\t");
                    if (f.length == 6) {
                        log.entries.add(new Entry(f[0], new CutoverMove(Integer.parseInt(f[1]), Instant.parse(f[2]),
                                Instant.parse(f[3]), Instant.parse(f[4]), f[5])));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the owner's cutover moves in " + file, e);
        }
        return log;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void append(String requestId, CutoverMove move) {
        if (file != null) {
            String row = String.join("\t", requestId, Integer.toString(move.line()), move.at().toString(),
                    move.from().toString(), move.to().toString(), move.ownerReference()) + "\n";
            try {
                Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the owner's cutover move in " + file, e);
            }
        }
        entries.add(new Entry(requestId, move));
    }
}
