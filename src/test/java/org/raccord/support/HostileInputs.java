package org.raccord.support;

import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Hostile inputs for requests, from jqwik's generators and one seed (the same seed makes the same
 * inputs): strings of quotes, {@code %}, NUL, control, combining and bidirectional characters,
 * any character of the basic plane, known attack payloads and 100,000-character strings; JSON
 * bodies with such values, nested 10,000 deep, of 1 MB, malformed, or of the wrong kind.
 */
public final class HostileInputs {

    private static final char[] NASTY = {'\'', '"', '%', '\u0000', '\u0001', '\u001b', '\u007f', '\n', '\r', '\t', '<', '>',
        '&', ';', '\\', '/', '.', '{', '}', '$', '#', '?', '\u0301', '\u202e', '\u200f', '\ufeff', '\u00a0', '\u00e9', '0', '9',
        '+', ' ', 'a', 'Z', '-'};
    private static final List<String> PAYLOADS = List.of("' or '1'='1", "1; drop table tracked_line --", "../../etc/passwd",
            "..%2f..%2fetc%2fpasswd", "${jndi:ldap://127.0.0.1:1/a}", "#{7*7}", "<script>alert(1)</script>", "%00", "\uD83D\uDE00",
            "\uD83D", "06 12 34 56 78", "+33612345678", "0033612345678", "CMD-00000001", "-1", "0", "99999999999999999999",
            "1e309", "NaN", "null", "true", "[]", "{}", "", " ", "\u202eCMD-00000001");

    private final Random random;
    /** Weighted: five in eleven nasty, two any character, three known payloads, one huge. */
    private final List<Iterator<String>> strings;

    public HostileInputs(long seed) {
        random = new Random(seed);
        // Outside jqwik's own lifecycle (an Arquillian test), samples are the way to use its
        // generators; they draw from this thread's source of randomness, seeded here so that a
        // seed replays a run.
        SourceOfRandomness.create(Long.toString(seed));
        Iterator<String> nasty = Arbitraries.strings().withChars(NASTY).ofMaxLength(40).sampleStream().iterator();
        Iterator<String> anyCharacter = Arbitraries.strings().all().ofMaxLength(30).sampleStream().iterator();
        Iterator<String> known = Arbitraries.of(PAYLOADS).sampleStream().iterator();
        Iterator<String> huge = Arbitraries.strings().withChars(NASTY).ofLength(100).map(s -> s.repeat(1_000)).sampleStream().iterator();
        strings = List.of(nasty, nasty, nasty, nasty, nasty, anyCharacter, anyCharacter, known, known, known, huge);
    }

    public String string() {
        return oneOf(strings).next();
    }

    /** True with this probability. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A request body for an operation whose JSON object has these properties. */
    public String body(List<String> properties) {
        return switch (random.nextInt(10)) {
            case 0 -> "[".repeat(10_000) + "]".repeat(10_000);
            case 1 -> "{\"a\":" .repeat(5_000) + "1" + "}".repeat(5_000);
            case 2 -> "{\"" + (properties.isEmpty() ? "x" : properties.get(0)) + "\":\"" + "A".repeat(1 << 20) + "\"}";
            case 3 -> oneOf(List.of("{", "{\"a\":}", "\u0000", "nul", "{\"a\":\"\\ud800\"}", "\"just a string\"", "42", "[]", ""));
            default -> properties.stream().filter(p -> !chance(0.2))
                    .map(p -> quoted(p) + ":" + value())
                    .collect(Collectors.joining(",", "{", chance(0.1) ? ",\"unexpected\":" + value() + "}" : "}"));
        };
    }

    private String value() {
        return switch (random.nextInt(6)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> "[" + quoted(string()) + "]";
            case 2 -> "{" + quoted(string()) + ":" + quoted(string()) + "}";
            default -> quoted(string());
        };
    }

    /** A JSON string of {@code text}, escaped as JSON requires (the hostility is in what it says). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
