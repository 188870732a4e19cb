package org.raccord.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostileInputsTest {

    @Test
    void aSeedReplaysTheSameInputsAndAnotherSeedOthers() {
        assertThat(sample(42)).isEqualTo(sample(42)).isNotEqualTo(sample(43));
    }

    @Test
    void theInputsAreHostile() {
        List<String> strings = new ArrayList<>();
        HostileInputs inputs = new HostileInputs(7);
        for (int i = 0; i < 500; i++) {
            strings.add(inputs.string());
        }
        assertThat(strings).anyMatch(s -> s.indexOf('\u0000') >= 0).anyMatch(s -> s.contains("'"))
                .anyMatch(s -> s.length() >= 100_000).anyMatch(s -> s.indexOf('\u202e') >= 0);
    }

    @Test
    void aBodyEscapesWhatJsonRequiresSoThatItsHostilityIsInWhatItSays() {
        assertThat(HostileInputs.quoted("a\"b\\c\u0000")).isEqualTo("\"a\\\"b\\\\c\\u0000\"");
    }

    private static List<String> sample(long seed) {
        HostileInputs inputs = new HostileInputs(seed);
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            drawn.add(inputs.string());
            drawn.add(inputs.body(List.of("orderReference", "contact")));
        }
        return drawn;
    }
}
