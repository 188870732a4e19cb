package org.raccord.web;

import java.util.List;

/** Input the API refuses, with every invalid value named; answered as a 400 problem. */
public class InvalidRequest extends RuntimeException {

    private final transient List<Problem.Violation> violations;

    public InvalidRequest(List<Problem.Violation> violations) {
        super(violations.size() + " invalid value(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public InvalidRequest(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
