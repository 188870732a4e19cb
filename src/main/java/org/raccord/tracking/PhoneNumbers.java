package org.raccord.tracking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * French line numbers, as customers write them ("01 23 45 67 89", "+33 1 23 45 67 89",
 * "0033123456789"), normalized to E.164 with libphonenumber. Anything else is refused with a
 * reason a client can show.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 32;

    private PhoneNumbers() {
    }

    /** The number in E.164 ("+33123456789"); throws {@link IllegalArgumentException} with the reason. */
    public static String e164(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("a phone number is required");
        }
        if (input.length() > MAX_INPUT) {
            throw new IllegalArgumentException("a phone number has at most " + MAX_INPUT + " characters");
        }
        PhoneNumber number = plainFrench(input);
        if (number == null) {
            try {
                number = UTIL.parse(input, "FR");
            } catch (NumberParseException e) {
                throw new IllegalArgumentException("not a phone number");
            }
        }
        if (!UTIL.isValidNumber(number)) {
            throw new IllegalArgumentException("not a valid phone number");
        }
        if (number.getCountryCode() != 33) {
            throw new IllegalArgumentException("only French numbers (+33) are served");
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /**
     * The number of the common spellings of a French number (0X XX XX XX XX, +33 X XX..., 0033 X...,
     * with spaces, dots or dashes), read without libphonenumber's parser; null for anything else,
     * which the parser reads. The parser's general patterns cost some 50 µs a number, the largest
     * part of a line lookup's own work; what is read here is still validated by libphonenumber.
     */
    static PhoneNumber plainFrench(String input) {
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9' || c == '+' && digits.length() == 0) {
                digits.append(c);
            } else if (c != ' ' && c != '.' && c != '-') {
                return null;
            }
        }
        String national;
        if (digits.length() == 10 && digits.charAt(0) == '0') {
            national = digits.substring(1);
        } else if (digits.length() == 12 && digits.indexOf("+33") == 0) {
            national = digits.substring(3);
        } else if (digits.length() == 13 && digits.indexOf("0033") == 0) {
            national = digits.substring(4);
        } else {
            return null;
        }
        if (national.charAt(0) == '0') {
            return null;
        }
        return new PhoneNumber().setCountryCode(33).setNationalNumber(Long.parseLong(national));
    }

    /** A French mobile number in E.164 (06, 07): the only kind that can receive an SMS. */
    public static String mobileE164(String input) {
        String e164 = e164(input);
        PhoneNumberUtil.PhoneNumberType type;
        try {
            type = UTIL.getNumberType(UTIL.parse(e164, "FR"));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a phone number");
        }
        if (type != PhoneNumberUtil.PhoneNumberType.MOBILE && type != PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            throw new IllegalArgumentException("not a mobile number: an SMS cannot reach it");
        }
        return e164;
    }

    /**
     * Every phone number in {@code text} masked, whatever its spelling ("01 23 45 67 89",
     * "+33 (0)1 23 45 67 89", "0033…", dots, dashes, other Unicode digits): the one masker for
     * whatever reaches a log, the audit trail or a screen. A run of nine digits or more, with or
     * without separators, counts as a number; one that is a valid number is shown as
     * {@link #mask(String)} shows it, any other keeps its first four and last two digits only.
     * Shorter runs (order references such as CMD-00000001) and digits glued to letters (service
     * references such as VIA657942680) are left as they are.
     */
    public static String maskIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher run = NUMBER_LIKE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (run.find()) {
            String found = run.group();
            long digits = found.codePoints().filter(Character::isDigit).count();
            run.appendReplacement(out, Matcher.quoteReplacement(digits < 9 ? found : maskedRun(found)));
        }
        run.appendTail(out);
        return out.toString();
    }

    /**
     * Digits (any script) with the separators people type between them, optionally after + or (;
     * not glued to letters, so that a reference such as VIA657942680 stays whole.
     */
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "(?<![\\p{L}\\p{Nd}])[+(]?\\p{Nd}[\\p{Nd} .\\-()/]*\\p{Nd}(?![\\p{L}\\p{Nd}])");

    private static String maskedRun(String run) {
        try {
            return mask(e164(run.strip()));
        } catch (IllegalArgumentException notANumber) {
            String digits = run.codePoints().filter(Character::isDigit)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return digits.substring(0, 4) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 2);
        }
    }

    /** For logs: keeps the country code, the first digit and the last two ("+331******89"). */
    public static String mask(String e164) {
        if (e164 == null || e164.length() < 7) {
            return "***";
        }
        return e164.substring(0, 4) + "*".repeat(e164.length() - 6) + e164.substring(e164.length() - 2);
    }
}
