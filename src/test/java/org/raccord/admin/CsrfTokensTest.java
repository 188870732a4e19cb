package org.raccord.admin;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokensTest {

    private static final byte[] CLUSTER_KEY = "a key every instance of the cluster shares".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTokenIsValidForItsUserOnly() {
        CsrfTokens tokens = CsrfTokens.withKey(CLUSTER_KEY);
        String admin = tokens.tokenFor("admin");
        assertThat(admin).hasSizeGreaterThan(40).isEqualTo(tokens.tokenFor("admin"));
        assertThat(tokens.valid("admin", admin)).isTrue();
        assertThat(tokens.valid("operator", admin)).as("another user's token").isFalse();
        assertThat(tokens.valid("admin", admin.substring(1) + "A")).isFalse();
        assertThat(tokens.valid("admin", null)).isFalse();
        assertThat(tokens.valid("admin", "")).isFalse();
    }

    @Test
    void everyInstanceWithTheClustersKeyAcceptsTheTokenAndNoOtherKeyDoes() {
        String admin = CsrfTokens.withKey(CLUSTER_KEY).tokenFor("admin");

        assertThat(CsrfTokens.withKey(CLUSTER_KEY.clone()).valid("admin", admin)).as("another instance").isTrue();
        assertThat(CsrfTokens.withKey("a rotated key".getBytes(StandardCharsets.UTF_8)).valid("admin", admin))
                .as("after the key was rotated").isFalse();
    }
}
