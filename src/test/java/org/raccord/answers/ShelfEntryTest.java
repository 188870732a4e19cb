package org.raccord.answers;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.raccord.tracking.LineKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An entry reads back as written: references (missing ones too), version, token, and either answer. */
class ShelfEntryTest {

    private static final LineKeys LINE = new LineKeys(7, 12, "CMD-7", null, "OO-1234-5678", "0139421662", null);

    @Test
    void anAnswerReadsBackWithEitherLanguage() {
        byte[] raw = ShelfEntry.answer(LINE, "{\"résumé\":\"coupée le 12 novembre ’25\"}", "{\"summary\":\"cut\"}", 42).encode();
        ShelfEntry entry = ShelfEntry.decode(raw);
        assertThat(entry.withdrawn()).isFalse();
        assertThat(entry.version()).isEqualTo(12);
        assertThat(entry.token()).isEqualTo(42);
        assertThat(entry.references()).containsExactly("CMD-7", null, "OO-1234-5678", "0139421662", null);
        assertThat(entry.sameReferences(LINE)).isTrue();
        assertThat(new String(ShelfEntry.body(raw, false), StandardCharsets.UTF_8)).isEqualTo("{\"résumé\":\"coupée le 12 novembre ’25\"}");
        assertThat(new String(ShelfEntry.body(raw, true), StandardCharsets.UTF_8)).isEqualTo("{\"summary\":\"cut\"}");
    }

    @Test
    void aWithdrawalRefusesOlderRenderingsOnly() {
        ShelfEntry withdrawal = ShelfEntry.decode(ShelfEntry.withdrawal(LINE, 9).encode());
        assertThat(withdrawal.withdrawn()).isTrue();
        assertThat(withdrawal.acceptsRendering(11)).isFalse();
        assertThat(withdrawal.acceptsRendering(12)).as("the version it withdrew for").isTrue();
        ShelfEntry answer = ShelfEntry.decode(ShelfEntry.answer(LINE, "{}", "{}", 1).encode());
        assertThat(answer.acceptsRendering(12)).as("the same version again").isFalse();
        assertThat(answer.acceptsRendering(13)).isTrue();
    }

    @Test
    void aWithdrawalKeepsTheAnswerItReplacesThroughLaterWithdrawals() {
        byte[] answer = ShelfEntry.answer(LINE, "{\"fr\":1}", "{\"en\":1}", 1).encode();
        LineKeys changing = new LineKeys(7, 13, "CMD-7", null, "OO-1234-5678", "0139421662", null);
        LineKeys changingAgain = new LineKeys(7, 14, "CMD-7", null, "OO-1234-5678", "0139421662", null);

        byte[] first = ShelfEntry.withdrawal(changing, 2, answer).encode();
        byte[] second = ShelfEntry.withdrawal(changingAgain, 3, first).encode();

        ShelfEntry entry = ShelfEntry.decode(second);
        assertThat(entry.withdrawn()).isTrue();
        assertThat(entry.version()).as("what it withdraws for").isEqualTo(14);
        assertThat(entry.token()).isEqualTo(3);
        assertThat(entry.holdsAnswer()).isTrue();
        assertThat(entry.kept()).as("the version of the answer it keeps").isEqualTo(12);
        assertThat(entry.acceptsRendering(13)).isFalse();
        assertThat(new String(ShelfEntry.body(second, false), StandardCharsets.UTF_8)).isEqualTo("{\"fr\":1}");
        assertThat(new String(ShelfEntry.body(second, true), StandardCharsets.UTF_8)).isEqualTo("{\"en\":1}");
    }

    @Test
    void aWithdrawalOverNothingOrWrittenBeforeWithdrawalsKeptAnswersHoldsNone() {
        assertThat(ShelfEntry.decode(ShelfEntry.withdrawal(LINE, 2, null).encode()).holdsAnswer()).isFalse();
        byte[] older = ShelfEntry.withdrawal(LINE, 2).encode();
        assertThat(ShelfEntry.decode(older).holdsAnswer()).isFalse();
        assertThat(ShelfEntry.decode(ShelfEntry.withdrawal(LINE, 3, older).encode()).holdsAnswer()).isFalse();
    }

    @Test
    void referencesThatChangedAreNoticed() {
        ShelfEntry entry = ShelfEntry.decode(ShelfEntry.answer(LINE, "{}", "{}", 1).encode());
        assertThat(entry.sameReferences(new LineKeys(7, 12, "CMD-7", "VIA9", "OO-1234-5678", "0139421662", null))).isFalse();
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> ShelfEntry.decode(new byte[] {9, 0, 0})).isInstanceOf(IllegalStateException.class);
    }
}
