package org.raccord.tracking;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** French numbers in any common format become E.164; anything else is refused with a reason. */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "01 23 45 67 89, +33123456789",
            "0123456789, +33123456789",
            "+33 1 23 45 67 89, +33123456789",
            "0033123456789, +33123456789",
            "06.12.34.56.78, +33612345678"
    })
    void commonFrenchFormatsAreNormalized(String input, String e164) {
        assertThat(PhoneNumbers.e164(input)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "12345", "01 23 45 67 8", "hello", "+33 1 23 45 67 89 00 00 00 00 00 00 00 00"})
    void otherInputIsRefused(String input) {
        assertThatThrownBy(() -> PhoneNumbers.e164(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 23 45 67 89", "0123456789", "+33 1 23 45 67 89", "+33123456789", "0033123456789",
            "0033 1 23 45 67 89", "06.12.34.56.78", "07-12-34-56-78", "0800 123 456", "09 12 34 56 78", "0512345678",
            "0200000123", "0912345678"})
    void theCommonSpellingsAreReadAsLibphonenumberReadsThem(String input) throws NumberParseException {
        PhoneNumber parsed = PhoneNumberUtil.getInstance().parse(input, "FR");
        PhoneNumber plain = PhoneNumbers.plainFrench(input);
        assertThat(plain).as(input).isNotNull();
        assertThat(plain.getCountryCode()).isEqualTo(parsed.getCountryCode());
        assertThat(plain.getNationalNumber()).isEqualTo(parsed.getNationalNumber());
        assertThat(plain.hasItalianLeadingZero()).isEqualTo(parsed.hasItalianLeadingZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+33 0 1 23 45 67 89", "0000000000", "+44 20 7946 0958", "01 23 45 67 8", "(01) 23 45 67 89",
            "01 23 45 67 89 ext. 12", "1+33123456789", "+330123456789", "00 33 0 1 23 45 67 89"})
    void otherSpellingsAreLeftToLibphonenumber(String input) {
        assertThat(PhoneNumbers.plainFrench(input)).as(input).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "0012345678", "0123", "+33 0 00 00 00 00"})
    void plainButInvalidNumbersAreRefusedAsBefore(String input) {
        assertThatThrownBy(() -> PhoneNumbers.e164(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "01 23 45 67 89                | +331******89",
            "0123456789                    | +331******89",
            "+33 1 23 45 67 89             | +331******89",
            "+33123456789                  | +331******89",
            "0033123456789                 | +331******89",
            "0033 1 23 45 67 89            | +331******89",
            "01.23.45.67.89                | +331******89",
            "01-23-45-67-89                | +331******89",
            "(01) 23 45 67 89              | +331******89",
            "０１ ２３ ４５ ６７ ８９             | +331******89",
            "٠١٢٣٤٥٦٧٨٩                    | +331******89",
            "+33 (0)1 23 45 67 89          | +331******89",
            "06 12 34 56 78                | +336******78"
    })
    void everySpellingTheApiAcceptsIsMaskedWhereverItStandsInAText(String number, String masked) {
        assertThat(PhoneNumbers.maskIn(number)).isEqualTo(masked);
        assertThat(PhoneNumbers.maskIn("refresh line " + number + " -> 200")).isEqualTo("refresh line " + masked + " -> 200");
    }

    @Test
    void orderReferencesDatesAndWordsAreLeftAsTheyAre() {
        assertThat(PhoneNumbers.maskIn("CMD-00000001 on 2026-12-04 (accessOrder.feed)"))
                .isEqualTo("CMD-00000001 on 2026-12-04 (accessOrder.feed)");
        assertThat(PhoneNumbers.maskIn("VIA657942680")).isEqualTo("VIA657942680");
        assertThat(PhoneNumbers.maskIn("id 1234567890123")).as("a long digit run that is no number keeps 4 + 2 digits")
                .isEqualTo("id 1234*******23");
        assertThat(PhoneNumbers.maskIn(null)).isNull();
    }

    @Test
    void logsShowOnlyAMaskedNumber() {
        assertThat(PhoneNumbers.mask("+33123456789")).isEqualTo("+331******89");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("***");
    }
}
