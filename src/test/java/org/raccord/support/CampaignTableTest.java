package org.raccord.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CampaignTableTest {

    private static final String PAGE = """
            # Figures

            <!-- campaign:begin -->
            | case | what was done | measured | figure | target | met | run |
            |---|---|---|---|---|---|---|
            | reset | old | old | old | old | yes | 2026-01-01 |
            <!-- campaign:end -->

            After.
            """;

    @Test
    void aMeasuredCaseReplacesItsOwnRowAndANewOneIsAddedAtTheEnd() {
        String once = CampaignTable.upsert(PAGE, new CampaignTable.Row("reset", "resets", "5xx", "0", "0", true));
        String twice = CampaignTable.upsert(once, new CampaignTable.Row("a|b", "x", "y", "3", "0", false));

        assertThat(twice).contains("| reset | resets | 5xx | 0 | 0 | yes |").doesNotContain("old");
        assertThat(twice).contains("| a\\|b | x | y | 3 | 0 | **no** |");
        assertThat(twice.indexOf("| reset |")).isLessThan(twice.indexOf("| a\\|b |"));
        assertThat(twice).startsWith("# Figures").endsWith("<!-- campaign:end -->\n\nAfter.\n");
    }

    @Test
    void aPageWithoutTheSectionIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> CampaignTable.upsert("# nothing", new CampaignTable.Row("r", "", "", "", "", true)));
    }
}
