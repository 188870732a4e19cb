package org.raccord.support;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * API-client tokens for integration tests, signed (RS256) with the local server's own key, exactly
 * as the local profile's JWT builder signs them; {@link #with} variations make the broken ones.
 */
public record Tokens(String issuer, String audience, String subject, List<String> scopes, Instant issuedAt,
                     Duration lifetime, boolean foreignKey) {

    public static final String LOCAL_ISSUER = "https://localhost:9443/raccord-local";

    /** A valid token for this client with these scopes. */
    public static Tokens client(String subject, String... scopes) {
        return new Tokens(LOCAL_ISSUER, "raccord", subject, List.of(scopes), Instant.now(), Duration.ofHours(1), false);
    }

    public Tokens issuedBy(String otherIssuer) {
        return new Tokens(otherIssuer, audience, subject, scopes, issuedAt, lifetime, foreignKey);
    }

    public Tokens forAudience(String otherAudience) {
        return new Tokens(issuer, otherAudience, subject, scopes, issuedAt, lifetime, foreignKey);
    }

    public Tokens expiredSince(Duration ago) {
        return new Tokens(issuer, audience, subject, scopes, Instant.now().minus(ago).minus(lifetime), lifetime, foreignKey);
    }

    public Tokens signedWithForeignKey() {
        return new Tokens(issuer, audience, subject, scopes, issuedAt, lifetime, true);
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + compact();
    }

    public String compact() {
        try {
            return compact(foreignKey ? freshKey() : serverKey(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This token with its claims changed by {@code change}, signed with the local server's key. */
    public String compactWithClaims(java.util.function.UnaryOperator<jakarta.json.JsonObject> change) {
        String[] parts = compact().split("\\.");
        jakarta.json.JsonObject claims = Json.createReader(new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))).readObject();
        String signingInput = parts[0] + "." + base64(change.apply(claims).toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(serverKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local server's public key, as its certificate carries it (what an attacker can read). */
    public static java.security.PublicKey serverPublicKey() throws GeneralSecurityException {
        return keystore().getCertificate("default").getPublicKey();
    }

    /** This token signed with another key (an identity provider's), naming it by {@code kid} when given. */
    public String compact(PrivateKey key, String keyId) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        scopes.forEach(groups::add);
        JsonObjectBuilder header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT");
        if (keyId != null) {
            header.add("kid", keyId);
        }
        String claims = Json.createObjectBuilder()
                .add("iss", issuer).add("aud", audience).add("sub", subject).add("upn", subject)
                .add("groups", groups).add("jti", UUID.randomUUID().toString())
                .add("iat", issuedAt.getEpochSecond()).add("exp", issuedAt.plus(lifetime).getEpochSecond())
                .build().toString();
        String signingInput = base64(header.build().toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey serverKey() throws GeneralSecurityException {
        return (PrivateKey) keystore().getKey("default", keystorePassword());
    }

    private static char[] keystorePassword() {
        return System.getProperty("raccord.it.keystorePassword", "keystore-local").toCharArray();
    }

    private static KeyStore keystore() throws GeneralSecurityException {
        try (FileInputStream in = new FileInputStream(System.getProperty("raccord.it.keystore",
                "target/liberty/wlp/usr/servers/raccord/resources/security/key.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keystorePassword());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey freshKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
