package org.raccord.wholesale;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach the owner and how far to trust its answers.
 *
 * @param baseUrl          where both interfaces live ({@code /suivi-commande-acces/v1}, {@code /suivi-bascule/v1})
 * @param operatorCode     Raccord's 4-character operator code, sent in every request header
 * @param connectTimeout   kept well below the poll budget: a dead owner must fail fast
 * @param receiveTimeout   the longest we wait for one answer
 * @param maxXmlCharacters the largest answer we read; larger documents are refused
 * @param maxElementCount  the most XML elements in one answer (a feed page of 1,000 events is ~20,000)
 * @param credentials      HTTP Basic credentials for the owner, or null when it needs none
 */
public record WholesaleSettings(URI baseUrl, String operatorCode, Duration connectTimeout, Duration receiveTimeout,
                                long maxXmlCharacters, long maxElementCount, Credentials credentials) {

    /** A user and password; never printed. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    public WholesaleSettings {
        if (operatorCode == null || !operatorCode.matches("[A-Z0-9]{4}")) {
            throw new IllegalArgumentException("operator code must be 4 characters [A-Z0-9]: " + operatorCode);
        }
    }

    public URI accessOrderAddress() {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/suivi-commande-acces/v1");
    }

    public URI cutoverAddress() {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/suivi-bascule/v1");
    }

    /** Defaults for a given owner address: 2 s to connect, 5 s to answer, 8 MiB and 100,000 elements. */
    public static WholesaleSettings defaults(URI baseUrl) {
        return new WholesaleSettings(baseUrl, "RACC", Duration.ofSeconds(2), Duration.ofSeconds(5), 8L << 20, 100_000, null);
    }
}
