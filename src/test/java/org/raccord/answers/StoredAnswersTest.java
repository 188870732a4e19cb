package org.raccord.answers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.raccord.lines.LineReference;
import org.raccord.tracking.LineKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model on a real answer shelf (LMDB in a temporary directory): an answer is served only
 * while it is as current as its line, whatever reference designates the line; a change withdraws
 * it before committing; an older rendering never replaces a newer one; a rollback gives the line
 * back only if no later change withdrew it since.
 */
class StoredAnswersTest {

    private static final LineKeys LETTER = new LineKeys(7, 3, "CMD-7", "VIA900007", "OO-1234-5678", "0139421662", "+33139421662");

    @TempDir
    Path dir;

    private final StoredAnswers answers = new StoredAnswers();

    @BeforeEach
    void open() {
        answers.open(AnswerShelf.open(dir, 1L << 26));
    }

    @AfterEach
    void close() {
        answers.close();
    }

    @Test
    void nothingIsServedBeforeTheShelfHasBeenAudited() {
        store(LETTER, "{\"v\":3}");
        assertThat(find("CMD-7", false)).isEmpty();
        answers.serve();
        assertThat(find("CMD-7", false)).isPresent();
    }

    @Test
    void anAnswerIsServedOnlyWhileItIsAsCurrentAsItsLine() {
        answers.serve();
        assertThat(find("CMD-7", false)).as("nothing rendered yet").isEmpty();
        store(LETTER, "{\"v\":3}");
        assertThat(find("CMD-7", false)).hasValueSatisfying(a -> {
            assertThat(a.version()).isEqualTo(3);
            assertThat(json(a)).isEqualTo("{\"v\":3,\"lang\":\"fr\"}");
        });
        assertThat(find("CMD-7", true)).hasValueSatisfying(a -> assertThat(json(a)).isEqualTo("{\"v\":3,\"lang\":\"en\"}"));

        LineKeys changed = version(LETTER, 4);
        answers.withdraw(List.of(changed));
        assertThat(find("CMD-7", false)).as("the line is changing: the caller renders it").isEmpty();
        assertThat(store(LETTER, "{\"v\":3}")).as("a rendering read before the change is refused").isZero();
        assertThat(find("CMD-7", false)).isEmpty();

        assertThat(store(changed, "{\"v\":4}")).isEqualTo(1);
        assertThat(store(LETTER, "{\"v\":3}")).as("an older rendering does not replace a newer one").isZero();
        assertThat(find("CMD-7", false)).hasValueSatisfying(a -> assertThat(json(a)).isEqualTo("{\"v\":4,\"lang\":\"fr\"}"));
    }

    @Test
    void aWithdrawalKeepsTheAnswerItWithdrawsForWhenTheDatabaseIsAwayOnly() {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
        answers.nanos = clock::get;
        answers.followed(clock.get());
        answers.serve();
        store(LETTER, "{\"v\":3}");
        answers.withdraw(List.of(version(LETTER, 4)));
        answers.withdraw(List.of(version(LETTER, 5)));   // a second change before the first was rendered

        assertThat(find("CMD-7", false)).as("while the database answers, the caller renders the line").isEmpty();
        assertThat(answers.whileTheDatabaseIsAway(LineReference.parse("OO-1234-5678").tries(), true)).as("any reference")
                .hasValueSatisfying(a -> {
                    assertThat(json(a)).isEqualTo("{\"v\":3,\"lang\":\"en\"}");
                    assertThat(a.version()).as("the answer's own version, for its ETag").isEqualTo(3);
                    assertThat(a.predatesChange()).isTrue();
                    assertThat(a.behind()).isTrue();
                });

        clock.addAndGet(StoredAnswers.FOLLOW_STALE_NANOS + 1);
        assertThat(find("CMD-7", false)).as("the change log read behind (a flood), the database answering: rendered").isEmpty();
        answers.changeLogUnreadable(true);
        assertThat(find("CMD-7", false)).as("the change log unreadable: the database is away, rendering would wait for it")
                .hasValueSatisfying(a -> assertThat(a.predatesChange()).isTrue());

        answers.changeLogUnreadable(false);
        answers.followed(clock.get());
        store(version(LETTER, 5), "{\"v\":5}");
        assertThat(find("CMD-7", false)).hasValueSatisfying(a -> {
            assertThat(json(a)).isEqualTo("{\"v\":5,\"lang\":\"fr\"}");
            assertThat(a.predatesChange()).isFalse();
        });
    }

    @Test
    void aLineWithdrawnWithNothingStoredHasNothingToServeEvenWhileTheDatabaseIsAway() {
        answers.serve();
        answers.withdraw(List.of(LETTER));

        assertThat(answers.whileTheDatabaseIsAway(LineReference.parse("CMD-7").tries(), false)).isEmpty();
    }

    @Test
    void anErasedLineIsNotPutBackByARenderingThatReadItJustBefore() {
        answers.serve();
        store(LETTER, "{\"v\":3}");
        assertThat(find("CMD-7", false)).isPresent();

        answers.erase(java.util.List.of(LETTER.id()));

        assertThat(find("CMD-7", false)).as("erased with its references").isEmpty();
        assertThat(store(LETTER, "{\"v\":3}")).as("a rendering read before the erasure is refused").isZero();
        assertThat(find("CMD-7", false)).isEmpty();
    }

    @Test
    void theShelfTriesAReferenceInTheOrderTheDatabaseLookupDoes() {
        assertThat(StoredAnswers.lookups(LineReference.parse("01 23 45 67 89").tries()))
                .containsExactly(new AnswerShelf.Key(ReferenceKind.PHONE, "+33123456789"), new AnswerShelf.Key(ReferenceKind.NDI, "0123456789"));
        assertThat(StoredAnswers.lookups(LineReference.parse("CMD-00000001").tries())).extracting(AnswerShelf.Key::kind)
                .containsExactly(ReferenceKind.ORDER, ReferenceKind.SERVICE, ReferenceKind.PTO, ReferenceKind.NDI);
    }

    @Test
    void everyReferenceOfTheLineFindsItsAnswer() {
        answers.serve();
        store(LETTER, "{}");
        for (String reference : new String[] {"CMD-7", "VIA900007", "OO-1234-5678", "01 39 42 16 62", "+33 1 39 42 16 62", "0139421662"}) {
            assertThat(find(reference, false)).as(reference).isPresent();
        }
        assertThat(find("CMD-8", false)).isEmpty();
        assertThat(find("01 23 45 67 89", false)).isEmpty();
    }

    @Test
    void aReferenceThatMovedToAnotherLineFindsThatLine() {
        answers.serve();
        store(LETTER, "{\"line\":7}");
        LineKeys other = new LineKeys(8, 1, "CMD-8", null, "OO-1234-5678", null, null);
        answers.withdraw(List.of(other));
        assertThat(find("OO-1234-5678", false)).as("the PTO is the other line's now, which is changing").isEmpty();
        store(other, "{\"line\":8}");
        assertThat(find("OO-1234-5678", false)).hasValueSatisfying(a -> assertThat(json(a)).startsWith("{\"line\":8"));
        assertThat(find("CMD-7", false)).hasValueSatisfying(a -> assertThat(json(a)).startsWith("{\"line\":7"));
    }

    @Test
    void aPhoneNumberIsTriedAsTheLinesNumberBeforeItsNdi() {
        answers.serve();
        store(LETTER, "{\"line\":7}");
        store(new LineKeys(8, 1, "CMD-8", null, null, "0139421662", null), "{\"line\":8}");
        assertThat(find("01 39 42 16 62", false)).as("as the database lookup does: phone number first")
                .hasValueSatisfying(a -> assertThat(json(a)).startsWith("{\"line\":7"));
    }

    @Test
    void aRollbackTakesBackOnlyItsOwnWithdrawal() {
        answers.serve();
        store(LETTER, "{\"v\":3}");
        LineKeys changing = version(LETTER, 4);
        long first = answers.withdraw(List.of(changing));
        long second = answers.withdraw(List.of(changing));   // a later change, after the first rolled back
        answers.takeBack(List.of(changing), first);
        assertThat(store(LETTER, "{\"v\":3}")).as("the later change's withdrawal stands").isZero();

        answers.takeBack(List.of(changing), second);
        assertThat(find("CMD-7", false)).as("rendered again before it is served").isEmpty();
        assertThat(answers.whileTheDatabaseIsAway(LineReference.parse("CMD-7").tries(), false))
                .as("the answer from before the change is kept through its rollback")
                .hasValueSatisfying(a -> assertThat(json(a)).isEqualTo("{\"v\":3,\"lang\":\"fr\"}"));
        assertThat(store(LETTER, "{\"v\":3}")).as("both rolled back: the line is at version 3 again").isEqualTo(1);
        assertThat(find("CMD-7", false)).hasValueSatisfying(a -> assertThat(a.version()).isEqualTo(3));
    }

    @Test
    void theAuditWithdrawsWhatDoesNotMatchTheDatabase() {
        LineKeys a = new LineKeys(1, 2, "A", null, null, null, null);
        LineKeys b = new LineKeys(2, 5, "B", null, null, null, null);
        LineKeys c = new LineKeys(3, 1, "C", null, null, null, null);
        store(a, "{}");
        store(b, "{}");
        List<Long> stale = answers.audit(List.of(a, version(b, 4), version(c, 1)));
        assertThat(stale).as("b is newer than the database says, but rendered in this boot: a change since the read")
                .containsExactly(3L);
        answers.serve();
        assertThat(find("A", false)).isPresent();
        assertThat(find("B", false)).isPresent();

        assertThat(answers.audit(List.of(version(a, 3)))).containsExactly(1L);
        assertThat(find("A", false)).as("the database has a newer line than the shelf").isEmpty();
    }

    @Test
    void afterARestartAnAnswerNewerThanTheDatabaseIsWithdrawn() {
        store(LETTER, "{\"v\":3}");
        answers.close();
        StoredAnswers restarted = new StoredAnswers();
        restarted.open(AnswerShelf.open(dir, 1L << 26));
        try {
            assertThat(restarted.audit(List.of(version(LETTER, 2)))).as("the database was restored from an older backup")
                    .containsExactly(7L);
            assertThat(restarted.audit(List.of(version(LETTER, 2)))).containsExactly(7L);
            restarted.serve();
            assertThat(restarted.find(LineReference.parse("CMD-7").tries(), false)).isEmpty();
        } finally {
            restarted.close();
        }
    }

    @Test
    void aShelfThatCannotOpenLeavesLookupsToRenderTheirLines() throws IOException {
        Path notADirectory = Files.createFile(dir.resolve("not-a-directory"));
        StoredAnswers broken = new StoredAnswers();
        broken.directory = Optional.of(notADirectory.resolve("answers").toString());
        broken.maxGiB = 1;
        broken.open();
        broken.withdraw(List.of(LETTER));
        assertThat(broken.store(List.of(new AnswerShelf.Rendering(LETTER, "{}", "{}")))).isZero();
        broken.serve();
        assertThat(broken.serving()).isFalse();
        assertThat(broken.find(LineReference.parse("CMD-7").tries(), false)).isEmpty();
        broken.close();
    }

    @Test
    void aShelfThatFilledUpStopsServingAndServesAgainAfterAnAuditOnceThereIsRoom() {
        // A map of 1 MiB fills as a full disk does: LMDB cannot get the pages a write needs.
        StoredAnswers small = new StoredAnswers();
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
        small.nanos = clock::get;
        small.open(AnswerShelf.open(dir.resolve("small"), 1L << 20));
        small.serve();
        small.store(List.of(new AnswerShelf.Rendering(LETTER, "{}", "{}")));
        List<Long> fillers = new ArrayList<>();
        long id = 100;
        for (int size : new int[] {60_000, 4_000, 200, 1}) {
            String filler = "x".repeat(size);
            while (fits(small, id, filler)) {
                fillers.add(id++);
            }
            id++;
        }
        long failuresBefore = small.writeFailures();

        // A change of the letter with lines new to the shelf: their withdrawals need pages the full shelf has not.
        List<LineKeys> changing = new ArrayList<>();
        for (long added = 10_000; added < 10_200; added++) {
            changing.add(new LineKeys(added, 1, "N" + added, null, null, null, null));
        }
        changing.add(version(LETTER, 4));
        small.withdraw(changing);

        assertThat(small.writeFailures()).as("a withdrawal the full shelf could not write").isGreaterThan(failuresBefore);
        assertThat(small.serving()).as("the letter's old answer may still be there: not served").isFalse();
        assertThat(small.find(LineReference.parse("CMD-7").tries(), false)).isEmpty();
        assertThat(small.auditDue(clock.get())).as("not at once").isFalse();
        clock.addAndGet(StoredAnswers.RETRY_AUDIT.plusSeconds(1).toNanos());
        assertThat(small.auditDue(clock.get())).isTrue();
        assertThat(small.auditDue(clock.get())).as("one audit per period").isFalse();

        // An audit that met a failed withdrawal on its way does not let the shelf serve.
        long auditStart = small.writeFailures();
        small.withdraw(changing);
        small.serve(auditStart);
        assertThat(small.serving()).isFalse();

        small.remove(fillers);
        auditStart = small.writeFailures();
        assertThat(small.audit(List.of(version(LETTER, 5)))).as("room again: the old answer is withdrawn").containsExactly(7L);
        small.serve(auditStart);
        assertThat(small.serving()).isTrue();
        assertThat(small.find(LineReference.parse("CMD-7").tries(), false)).as("rendered by the caller until stored again").isEmpty();
        small.close();
    }

    private static boolean fits(StoredAnswers shelf, long id, String filler) {
        try {
            return shelf.store(List.of(new AnswerShelf.Rendering(new LineKeys(id, 1, "F" + id, null, null, null, null),
                    filler, filler))) == 1;
        } catch (RuntimeException full) {
            return false;
        }
    }

    @Test
    void shelvedIdsLeaveOutChangesInFlight() {
        store(new LineKeys(1, 1, "A", null, null, null, null), "{}");
        answers.withdraw(List.of(new LineKeys(2, 1, "B", null, null, null, null)));
        store(new LineKeys(3, 1, "C", null, null, null, null), "{}");
        assertThat(answers.shelvedIds(0, 10)).containsExactly(1L, 3L);
        assertThat(answers.shelvedIds(1, 10)).containsExactly(3L);
        answers.remove(List.of(1L));
        assertThat(answers.shelvedIds(0, 10)).containsExactly(3L);
    }

    @Test
    void removingALineRemovesTheReferencesThatPointAtIt() {
        LineKeys other = new LineKeys(8, 1, "CMD-8", null, null, null, null);
        AnswerShelf shelf = AnswerShelf.open(dir.resolve("second"), 1L << 26);
        try {
            shelf.store(List.of(new AnswerShelf.Rendering(LETTER, "{}", "{}"), new AnswerShelf.Rendering(other, "{}", "{}")), 1);
            assertThat(shelf.referenceCount()).isEqualTo(6);

            shelf.remove(List.of(LETTER.id()));

            assertThat(shelf.referenceCount()).as("only CMD-8's order reference is left").isEqualTo(1);
            assertThat(shelf.find(StoredAnswers.lookups(LineReference.parse("CMD-8").tries()), false)).isPresent();
        } finally {
            shelf.close();
        }
    }

    @Test
    void aDamagedEntryIsRenderedInsteadOfFailingTheLookup() {
        answers.serve();
        store(LETTER, "{\"v\":3}");
        answers.close();
        try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(1L << 26).setMaxDbs(2).open(dir.toFile())) {
            Dbi<byte[]> lines = env.openDbi("lines", DbiFlags.MDB_CREATE);
            lines.put(ByteBuffer.allocate(8).putLong(LETTER.id()).array(), new byte[] {1, 2, 3});
        }
        answers.open(AnswerShelf.open(dir, 1L << 26));
        answers.serve();

        assertThat(find("CMD-7", false)).as("the caller renders the line").isEmpty();
        assertThat(answers.readFailures()).isEqualTo(1);
    }

    @Test
    void aShelfLeftOpenWhenTheMachineStoppedIsDiscardedAndOneLeftByTheProcessAloneIsKept() throws IOException {
        Path shelfDir = dir.resolve("shelf");
        AnswerShelf first = AnswerShelf.open(shelfDir, 1L << 26, "boot-1");
        first.store(List.of(new AnswerShelf.Rendering(LETTER, "{}", "{}")), 1);
        first.close();
        // The process dies with the shelf open (its marker left behind); its writes were in the
        // page cache, so on the same boot they are kept.
        Files.writeString(shelfDir.resolve(ShelfMarker.FILE), "boot-1");
        AnswerShelf sameBoot = AnswerShelf.open(shelfDir, 1L << 26, "boot-1");
        assertThat(sameBoot.discarded()).isFalse();
        assertThat(sameBoot.shelvedIds(0, 10, 0)).containsExactly(LETTER.id());
        sameBoot.close();

        // The machine stops with the shelf open: the next boot cannot trust the file.
        Files.writeString(shelfDir.resolve(ShelfMarker.FILE), "boot-1");
        AnswerShelf nextBoot = AnswerShelf.open(shelfDir, 1L << 26, "boot-2");
        assertThat(nextBoot.discarded()).isTrue();
        assertThat(nextBoot.shelvedIds(0, 10, 0)).isEmpty();
        nextBoot.close();

        AnswerShelf afterCleanStop = AnswerShelf.open(shelfDir, 1L << 26, "boot-3");
        assertThat(afterCleanStop.discarded()).as("a clean close clears the doubt").isFalse();
        afterCleanStop.close();
    }

    @Test
    void answersStayIntactThroughManyWritesWhileTheCollectorRuns() {
        // Keys and values cross to LMDB through native copies that the collector may free: a copy
        // freed too early corrupts or crashes (lmdbjava#252). Collect continually meanwhile.
        answers.serve();
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                LockSupport.parkNanos(200_000);
            }
        });
        collector.setDaemon(true);
        collector.start();
        try {
            for (long batch = 0; batch < 40; batch++) {
                List<AnswerShelf.Rendering> renderings = new ArrayList<>();
                for (long id = batch * 250 + 1; id <= (batch + 1) * 250; id++) {
                    renderings.add(new AnswerShelf.Rendering(new LineKeys(id, 1, "R-" + id, null, null, null, null),
                            "{\"id\":" + id + "}", "{\"id\":" + id + ",\"en\":true}"));
                }
                assertThat(answers.store(renderings)).isEqualTo(250);
            }
        } finally {
            collector.interrupt();
        }
        for (long id = 1; id <= 10_000; id++) {
            long expected = id;
            assertThat(find("R-" + id, false)).hasValueSatisfying(a -> assertThat(json(a)).isEqualTo("{\"id\":" + expected + "}"));
        }
    }

    private static String json(StoredAnswers.StoredAnswer answer) {
        return new String(answer.json(), StandardCharsets.UTF_8);
    }

    private Optional<StoredAnswers.StoredAnswer> find(String reference, boolean english) {
        return answers.find(LineReference.parse(reference).tries(), english);
    }

    /** Stores {@code json} with its language added before the closing brace. */
    private int store(LineKeys line, String json) {
        String fr = json.equals("{}") ? json : json.substring(0, json.length() - 1) + ",\"lang\":\"fr\"}";
        String en = json.equals("{}") ? json : json.substring(0, json.length() - 1) + ",\"lang\":\"en\"}";
        return answers.store(List.of(new AnswerShelf.Rendering(line, fr, en)));
    }

    private static LineKeys version(LineKeys line, long version) {
        return new LineKeys(line.id(), version, line.orderReference(), line.serviceReference(), line.ptoReference(),
                line.ndi(), line.phoneE164());
    }
}
