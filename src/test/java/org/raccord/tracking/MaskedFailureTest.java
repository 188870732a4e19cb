package org.raccord.tracking;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure as logged: classes, messages and frames kept, every phone number in the chain masked. */
class MaskedFailureTest {

    @Test
    void numbersInTheMessagesOfTheWholeChainAreMaskedAndTheFramesKept() {
        SQLException database = new SQLException("Unique index violation: NDI '01 23 45 67 89' already in PUBLIC.TRACKED_LINE");
        IllegalStateException failure = new IllegalStateException("line +33612345678 could not be stored", database);

        MaskedFailure masked = MaskedFailure.of(failure);
        StringWriter printed = new StringWriter();
        masked.printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString())
                .doesNotContain("01 23 45 67 89").doesNotContain("612345678")
                .contains("java.lang.IllegalStateException: line +336******78 could not be stored")
                .contains("Caused by: java.sql.SQLException: Unique index violation: NDI")
                .contains("MaskedFailureTest.numbersInTheMessagesOfTheWholeChainAreMaskedAndTheFramesKept");
        assertThat(masked.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(MaskedFailure.of(masked)).isSameAs(masked);
        assertThat(MaskedFailure.of(new IllegalStateException()).toString()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void aVeryLongChainKeepsItsRootCause() {
        Throwable chain = new IllegalArgumentException("root 0612345678");
        for (int i = 0; i < 20; i++) {
            chain = new IllegalStateException("wrapper " + i, chain);
        }

        Throwable shown = MaskedFailure.of(chain);
        Throwable last = shown;
        while (last.getCause() != null) {
            last = last.getCause();
        }

        assertThat(last.toString()).startsWith("java.lang.IllegalArgumentException: root ").doesNotContain("612345");
    }
}
