package org.raccord.answers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether the answer shelf was left by an unclean stop that may have damaged it. The shelf
 * commits without syncing to disk ({@code MDB_NOSYNC}): a process that dies leaves every write in
 * the operating system's page cache, which still reaches the disk, but a machine that stops (power,
 * kernel) can leave the file torn. So while the shelf is open a marker holds the machine's boot id;
 * a marker found at the next opening means the last stop was unclean, and a different boot id (or
 * none to compare: not Linux) means the machine went down with it: the shelf is discarded and
 * rebuilt from the database by the start-up audit.
 */
final class ShelfMarker {

    static final String FILE = "open-since-boot";
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private ShelfMarker() {
    }

    /** This machine's boot id, or null where the system has none to read. */
    static String currentBoot() {
        try {
            return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * Before opening: discards the shelf's files if the last stop may have damaged them (see above);
     * returns whether it did. Then marks the shelf as open on {@code boot}.
     */
    static boolean discardIfTorn(Path dir, String boot) {
        Path marker = dir.resolve(FILE);
        try {
            boolean discarded = false;
            if (Files.exists(marker)) {
                String markedBoot = Files.readString(marker, StandardCharsets.US_ASCII).strip();
                if (boot == null || !boot.equals(markedBoot)) {
                    Files.deleteIfExists(dir.resolve("data.mdb"));
                    Files.deleteIfExists(dir.resolve("lock.mdb"));
                    discarded = true;
                }
            }
            Files.writeString(marker, boot == null ? "unknown" : boot, StandardCharsets.US_ASCII);
            return discarded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the answer shelf in " + dir, e);
        }
    }

    /** After a clean close: the next opening need not doubt the shelf. */
    static void cleared(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the answer shelf's marker in " + dir, e);
        }
    }
}
