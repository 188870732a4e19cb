package org.raccord.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.raccord.web.Paging;

/** The sentences an agent reads aloud, for the customer-letter situation, in French and English. */
class StatusSummaryTest {

    private static LineView letter(boolean degraded) {
        return LetterLine.view(degraded ? "accessOrder.feed open" : null);
    }

    @Test
    void frenchTellsTheCutTheDueDateTheSlipAndTheBreach() {
        String text = StatusSummary.of(letter(false), false);

        assertThat(text).isEqualTo("Commande CMD-00000001 : retardée par l'opérateur du réseau. "
                + "L'ancienne ligne a été coupée le lundi 1er décembre. "
                + "La nouvelle ligne est prévue le mardi 9 décembre (date reportée 1 fois, dernier motif : "
                + "point de mutualisation saturé, plus de place pour raccorder la ligne). "
                + "Le client reste sans service 6 jours ouvrés (8 jours), plus que le jour ouvré autorisé par la loi.");
    }

    @Test
    void englishSaysTheSameAndOldDataSaysItsAge() {
        String text = StatusSummary.of(letter(true), true);

        assertThat(text).startsWith("Order CMD-00000001: delayed by the network owner.")
                .contains("The previous line was cut on Monday 1 December.")
                .contains("The new line is due on Tuesday 9 December (date moved once, last because the street cabinet is full")
                .contains("6 working days (8 days), more than the one working day the law allows.")
                .endsWith("Last confirmed by the network owner on Friday 5 December at 10:42; the owner cannot be reached right now.");
    }

    @Test
    void pagingAcceptsOnlyWholeNumbersInRange() {
        assertThat(Paging.number("0", 0, 10)).isZero();
        assertThat(Paging.number("10", 0, 10)).isEqualTo(10);
        assertThat(Paging.number("11", 0, 10)).isNull();
        assertThat(Paging.number("-1", 0, 10)).isNull();
        assertThat(Paging.number("1e3", 0, 10)).isNull();
        assertThat(Paging.number("99999999999999", 0, 10)).isNull();
        assertThat(Paging.number("", 0, 10)).isNull();
    }
}
