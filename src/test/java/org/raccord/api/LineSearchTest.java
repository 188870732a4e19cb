package org.raccord.api;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raccord.tracking.ServiceState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import org.raccord.web.InvalidRequest;
import org.raccord.web.Problem;

/** The list's parameters: every valid combination read, every invalid value named. */
class LineSearchTest {

    @Test
    void validParametersBecomeAFilter() {
        LineSearch.Query q = LineSearch.read("inProgress", "true", "2026-12-01", "2026-12-31", "20", "10");

        assertThat(q.filter().state()).isEqualTo(ServiceState.IN_PROGRESS);
        assertThat(q.filter().breach()).isTrue();
        assertThat(q.filter().deliveryFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(q.filter().deliveryTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q.offset()).isEqualTo(20);
        assertThat(q.limit()).isEqualTo(10);
        assertThat(LineSearch.read(null, null, null, null, "0", "50").filter().state()).isNull();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "IN_PROGRESS, -,     -,          -,          0,  50, state",
            "-,           yes,   -,          -,          0,  50, breach",
            "-,           -,     01/12/2026, -,          0,  50, deliveryFrom",
            "-,           -,     -,          2026-13-01, 0,  50, deliveryTo",
            "-,           -,     2026-12-31, 2026-12-01, 0,  50, deliveryTo",
            "-,           -,     -,          -,          -5, 50, offset",
            "-,           -,     -,          -,          0,  0,  limit",
            "-,           -,     -,          -,          0,  500, limit"
    })
    void eachInvalidValueIsNamed(String state, String breach, String from, String to, String offset, String limit,
                                 String field) {
        InvalidRequest refused = catchThrowableOfType(InvalidRequest.class,
                () -> LineSearch.read(state, breach, from, to, offset, limit));

        assertThat(refused.violations()).extracting(Problem.Violation::field).containsExactly(field);
    }
}
