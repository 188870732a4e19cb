package org.raccord.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.cluster.SharedSettings;

/**
 * CSRF tokens for the console's actions. The browser sends the operator's credentials with any
 * request to this site, even one a foreign page triggers; a foreign page cannot read our
 * responses, so it cannot learn the token that the console reads from {@code /api/admin/session}
 * and sends in the {@value #HEADER} header. Tokens are an HMAC of the user name under a key that
 * every instance of the cluster shares, so that a console behind a load balancer works without
 * sticky sessions: {@code raccord.admin.csrfKey} when the deployment gives one (rotating it
 * invalidates every token), otherwise a random key the first instance stores in the database.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    private static final String HMAC = "HmacSHA256";
    /** The stored key's name among the cluster's settings. */
    static final String STORED_KEY = "console.csrfKey";

    @Inject
    @ConfigProperty(name = "raccord.admin.csrfKey")
    Optional<String> configuredKey;

    @Inject
    SharedSettings shared;

    private byte[] key;

    @PostConstruct
    void chooseKey() {
        key = configuredKey.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> shared.secret(STORED_KEY));
    }

    /** Tokens under this key (tests). */
    static CsrfTokens withKey(byte[] key) {
        CsrfTokens tokens = new CsrfTokens();
        tokens.key = key.clone();
        return tokens;
    }

    public String tokenFor(String user) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code token} is this user's, compared in constant time. */
    public boolean valid(String user, String token) {
        return token != null && MessageDigest.isEqual(tokenFor(user).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
