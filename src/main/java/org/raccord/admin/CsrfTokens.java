package org.raccord.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * CSRF tokens for the console's actions. The browser sends the operator's credentials with any
 * request to this site, even one a foreign page triggers; a foreign page cannot read our
 * responses, so it cannot learn the token that the console reads from {@code /api/admin/session}
 * and sends in the {@value #HEADER} header. Tokens are an HMAC of the user name under a key made
 * at start-up: no session to keep, and a restart invalidates them all.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    private static final String HMAC = "HmacSHA256";

    private final byte[] key = new byte[32];

    CsrfTokens() {
        new SecureRandom().nextBytes(key);
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
