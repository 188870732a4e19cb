package org.raccord.lines;

import org.junit.jupiter.params.ParameterizedTest;
import org.raccord.tracking.LineColumn;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a client's line reference is read before any lookup. */
class LineReferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "01 23 45 67 89     | PHONE     | +33123456789 | 0123456789",
            "0123456789         | PHONE     | +33123456789 | 0123456789",
            "+33 1 23 45 67 89  | PHONE     | +33123456789 | 0123456789",
            "0033123456789      | PHONE     | +33123456789 | 0123456789",
            "06-12-34-56-78     | PHONE     | +33612345678 | 0612345678",
            "０１ ２３ ４５ ６７ ８９     | PHONE     | +33123456789 | 0123456789",
            "٠١٢٣٤٥٦٧٨٩         | PHONE     | +33123456789 | 0123456789",
            "+٣٣ ١ ٢٣ ٤٥ ٦٧ ٨٩  | PHONE     | +33123456789 | 0123456789",
            "FI-02RG-SNU5       | PTO       | FI-02RG-SNU5 | ",
            "FI-02RG-SNU5/C     | PTO       | FI-02RG-SNU5 | ",
            "CMD-00000001       | REFERENCE | CMD-00000001 | ",
            "VIA657942680       | REFERENCE | VIA657942680 | ",
            "12345678           | REFERENCE | 12345678     | "
    })
    void referencesAreRead(String input, LineReference.Kind kind, String value, String ndi) {
        LineReference reference = LineReference.parse(input);

        assertThat(reference.kind()).isEqualTo(kind);
        assertThat(reference.value()).isEqualTo(value);
        assertThat(reference.ndi()).isEqualTo(ndi);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<script>alert(1)</script>", "'; DROP TABLE tracked_line;--", "+44 20 7946 0958",
            "CMD 0001", "ÇMD-0001", "CMD\u200B0001", "A23456789012345678901234567890123", "../../etc/passwd", "%00"})
    void anythingElseIsRefusedWithAReason(String input) {
        assertThatThrownBy(() -> LineReference.parse(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }

    @org.junit.jupiter.api.Test
    void eachReferenceIsTriedInOneOrderByTheDatabaseAndTheReadModelAlike() {
        assertThat(LineReference.parse("01 23 45 67 89").tries()).containsExactly(
                new LineColumn.Try(LineColumn.PHONE, "+33123456789"), new LineColumn.Try(LineColumn.NDI, "0123456789"));
        assertThat(LineReference.parse("OO-ABCD-1234").tries()).extracting(LineColumn.Try::column).containsExactly(LineColumn.PTO);
        assertThat(LineReference.parse("CMD-00000001").tries()).extracting(LineColumn.Try::column)
                .containsExactly(LineColumn.ORDER, LineColumn.SERVICE, LineColumn.PTO, LineColumn.NDI);
    }
}
