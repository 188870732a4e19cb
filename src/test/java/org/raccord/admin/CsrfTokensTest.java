package org.raccord.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokensTest {

    @Test
    void aTokenIsValidForItsUserOnlyAndNotAcrossRestarts() {
        CsrfTokens tokens = new CsrfTokens();
        String admin = tokens.tokenFor("admin");
        assertThat(admin).hasSizeGreaterThan(40).isEqualTo(tokens.tokenFor("admin"));
        assertThat(tokens.valid("admin", admin)).isTrue();
        assertThat(tokens.valid("operator", admin)).as("another user's token").isFalse();
        assertThat(tokens.valid("admin", admin.substring(1) + "A")).isFalse();
        assertThat(tokens.valid("admin", null)).isFalse();
        assertThat(tokens.valid("admin", "")).isFalse();
        assertThat(new CsrfTokens().valid("admin", admin)).as("a new key after a restart").isFalse();
    }

}
