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
    void referencesThatChangedAreNoticed() {
        ShelfEntry entry = ShelfEntry.decode(ShelfEntry.answer(LINE, "{}", "{}", 1).encode());
        assertThat(entry.sameReferences(new LineKeys(7, 12, "CMD-7", "VIA9", "OO-1234-5678", "0139421662", null))).isFalse();
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> ShelfEntry.decode(new byte[] {9, 0, 0})).isInstanceOf(IllegalStateException.class);
    }
}
