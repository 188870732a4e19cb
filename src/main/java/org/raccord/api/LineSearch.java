package org.raccord.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.raccord.tracking.LineFilter;
import org.raccord.tracking.ServiceState;
import org.raccord.web.InvalidRequest;
import org.raccord.web.Paging;
import org.raccord.web.Problem;

/** Reads the list's query parameters, naming every invalid one. */
final class LineSearch {

    record Query(LineFilter filter, int offset, int limit) {
    }

    private LineSearch() {
    }

    /** The query; throws {@link InvalidRequest} naming every invalid parameter. */
    static Query read(String state, String breach, String deliveryFrom, String deliveryTo, String offset, String limit) {
        List<Problem.Violation> violations = new ArrayList<>();
        ServiceState s = null;
        if (state != null) {
            s = Arrays.stream(ServiceState.values()).filter(v -> v.code().equals(state)).findFirst().orElse(null);
            if (s == null) {
                violations.add(new Problem.Violation("state", "must be one of acknowledged, rejected, pending, held,"
                        + " inProgress, cancelled, completed, failed"));
            }
        }
        Boolean b = null;
        if (breach != null) {
            if ("true".equals(breach) || "false".equals(breach)) {
                b = Boolean.valueOf(breach);
            } else {
                violations.add(new Problem.Violation("breach", "must be true or false"));
            }
        }
        Optional<LocalDate> from = date(deliveryFrom, "deliveryFrom", violations);
        Optional<LocalDate> to = date(deliveryTo, "deliveryTo", violations);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            violations.add(new Problem.Violation("deliveryTo", "must not be before deliveryFrom"));
        }
        Paging.Page page = Paging.read(offset, limit, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new Query(new LineFilter(s, b, from.orElse(null), to.orElse(null)), page.offset(), page.limit());
    }

    private static Optional<LocalDate> date(String text, String field, List<Problem.Violation> violations) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be a date like 2026-12-09"));
            return Optional.empty();
        }
    }
}
