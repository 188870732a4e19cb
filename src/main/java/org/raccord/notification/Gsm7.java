package org.raccord.notification;

import java.text.Normalizer;
import java.util.Map;

/**
 * The SMS alphabet question: does a text fit the GSM 03.38 7-bit alphabet (160 characters a single
 * SMS, 153 per part when split), or does it need UCS-2 (70, then 67)? And, when asked to, which
 * characters to replace so that it fits GSM-7 (French typography: ’ « » œ ê ...).
 */
final class Gsm7 {

    /** The basic GSM 03.38 table (one septet each). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table (an escape septet plus one: two septets each). */
    private static final String EXTENDED = "^{}\\[~]|€\f";

    /** French typography and accents outside GSM-7, with their closest GSM-7 spelling. */
    private static final Map<Character, String> PLAIN = Map.ofEntries(
            Map.entry('’', "'"), Map.entry('‘', "'"), Map.entry('«', "\""), Map.entry('»', "\""),
            Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('–', "-"), Map.entry('—', "-"),
            Map.entry('…', "..."), Map.entry('\u00A0', " "), Map.entry('\u202F', " "),
            Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('ç', "c"));

    enum Encoding { GSM_7, UCS_2 }

    /** An SMS-ready text: its encoding and how many SMS parts it takes. */
    record Measure(Encoding encoding, int units, int parts) {
    }

    private Gsm7() {
    }

    static Measure measure(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENDED.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length();
                return new Measure(Encoding.UCS_2, units, units <= 70 ? 1 : (units + 66) / 67);
            }
        }
        return new Measure(Encoding.GSM_7, septets, septets <= 160 ? 1 : (septets + 152) / 153);
    }

    /**
     * The text with characters outside GSM-7 replaced: typography by its plain form, other accented
     * letters by their base letter (ê → e) unless GSM-7 has them (é, è, à, ù stay).
     */
    static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0 || EXTENDED.indexOf(c) >= 0) {
                out.append(c);
            } else if (PLAIN.containsKey(c)) {
                out.append(PLAIN.get(c));
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(base.isEmpty() || measure(base).encoding() != Encoding.GSM_7 ? "?" : base);
            }
        }
        return out.toString();
    }
}
