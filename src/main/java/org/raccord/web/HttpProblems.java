package org.raccord.web;

import java.util.Map;

/** The problem type and title of each HTTP error status, for JAX-RS and container errors alike. */
final class HttpProblems {

    private static final Map<Integer, String[]> KINDS = Map.of(
            400, new String[] {"bad-request", "The request could not be read"},
            401, new String[] {"unauthenticated", "Authentication is required"},
            403, new String[] {"forbidden", "This client may not do that"},
            404, new String[] {"not-found", "No such resource"},
            405, new String[] {"method-not-allowed", "Method not allowed here"},
            406, new String[] {"not-acceptable", "No acceptable representation"},
            415, new String[] {"unsupported-media-type", "Unsupported media type"},
            500, new String[] {"internal-error", "Internal error"});

    private HttpProblems() {
    }

    static Problem of(int status) {
        String[] kind = KINDS.getOrDefault(status, status < 500
                ? new String[] {"client-error", "The request was refused"}
                : new String[] {"internal-error", "Internal error"});
        return Problem.of(kind[0], kind[1], status, kind[1] + ".");
    }
}
