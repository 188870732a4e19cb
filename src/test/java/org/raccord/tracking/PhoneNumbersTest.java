package org.raccord.tracking;

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

    @Test
    void logsShowOnlyAMaskedNumber() {
        assertThat(PhoneNumbers.mask("+33123456789")).isEqualTo("+331******89");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("***");
    }
}
