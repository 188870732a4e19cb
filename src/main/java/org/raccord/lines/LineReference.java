package org.raccord.lines;

import java.util.List;
import java.util.regex.Pattern;

import org.raccord.tracking.LineColumn;
import org.raccord.tracking.PhoneNumbers;

/**
 * What a client gave to find a line, once read: a phone number in any common French format
 * (looked up as the line's number and as its NDI), a PTO reference, or an order or service
 * reference. Anything else is refused before any lookup, with the reason.
 */
public record LineReference(Kind kind, String value, String ndi) {

    public enum Kind { PHONE, PTO, REFERENCE }

    /** What a client may give, for the API documentation. */
    public static final String DESCRIPTION = "The line's phone number in any common French format (01 23 45 67 89,"
            + " 0123456789, +33 1 23 45 67 89, 0033...), its NDI, its PTO reference (OO-XXXX-XXXX), or the order or"
            + " service reference; at most 32 characters.";

    private static final Pattern PTO = Pattern.compile("[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{4}(/C)?");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1,30}");
    /** Digits of any script (full-width, Arabic-Indic…): libphonenumber reads them as their ASCII values. */
    private static final Pattern PHONE_LIKE = Pattern.compile("[+\\p{Nd} .()\\-]{6,32}");

    /**
     * The columns this reference is tried against, in order: the one definition the database
     * lookup and the read model both follow. A phone number is the line's number, then its NDI;
     * a PTO reference is a PTO; any other reference is an order, a service, a PTO or an NDI.
     */
    public List<LineColumn.Try> tries() {
        return switch (kind) {
            case PHONE -> List.of(new LineColumn.Try(LineColumn.PHONE, value), new LineColumn.Try(LineColumn.NDI, ndi));
            case PTO -> List.of(new LineColumn.Try(LineColumn.PTO, value));
            case REFERENCE -> List.of(new LineColumn.Try(LineColumn.ORDER, value), new LineColumn.Try(LineColumn.SERVICE, value),
                    new LineColumn.Try(LineColumn.PTO, value), new LineColumn.Try(LineColumn.NDI, value));
        };
    }

    public static LineReference parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("a line reference is required");
        }
        String text = input.strip();
        if (text.length() > 32) {
            throw new IllegalArgumentException("a line reference has at most 32 characters");
        }
        if (PTO.matcher(text).matches()) {
            return new LineReference(Kind.PTO, text.endsWith("/C") ? text.substring(0, text.length() - 2) : text, null);
        }
        boolean digitsFirst = !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '+');
        if (digitsFirst && PHONE_LIKE.matcher(text).matches()) {
            try {
                String e164 = PhoneNumbers.e164(text);
                return new LineReference(Kind.PHONE, e164, "0" + e164.substring(3));
            } catch (IllegalArgumentException notAPhone) {
                if (!REFERENCE.matcher(text).matches()) {
                    throw notAPhone;
                }
            }
        }
        if (REFERENCE.matcher(text).matches()) {
            return new LineReference(Kind.REFERENCE, text, null);
        }
        throw new IllegalArgumentException("must be a French phone number, a PTO reference (XX-XXXX-XXXX) or an order reference");
    }
}
