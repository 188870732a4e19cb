package org.raccord.production;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

import jakarta.json.Json;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.raccord.support.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A deployment's identity provider, as the production server sees one: an issuer name and a JWKS
 * URL publishing its RSA public key. Tokens it issues are signed with the matching private key.
 */
final class IdentityProvider {

    static final String ISSUER = "https://identity.example.test/realms/operator";
    private static final String KEY_ID = "operator-2026";

    private final KeyPair keys;
    private final WireMockServer server;

    IdentityProvider() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get("/jwks").willReturn(okJson(jwks((RSAPublicKey) keys.getPublic()))));
    }

    String jwksUri() {
        return "http://127.0.0.1:" + server.port() + "/jwks";
    }

    /** A bearer token this provider issues to an API client with these scopes. */
    String bearer(String client, String... scopes) {
        return "Bearer " + Tokens.client(client, scopes).issuedBy(ISSUER).compact(keys.getPrivate(), KEY_ID);
    }

    void stop() {
        server.stop();
    }

    private static String jwks(RSAPublicKey key) {
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", KEY_ID)
                .add("n", unsigned(key.getModulus())).add("e", unsigned(key.getPublicExponent())))).build().toString();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes[0] == 0 ? 1 : 0;
        byte[] magnitude = Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(magnitude);
    }
}
