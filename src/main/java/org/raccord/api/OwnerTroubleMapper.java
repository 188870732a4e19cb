package org.raccord.api;

import java.time.Duration;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.raccord.wholesale.WholesaleException;
import org.raccord.web.Problem;

/**
 * What the owner said or failed to say, when a request had to ask it (registration): an unknown
 * order is the client's mistake (404); trouble with the owner is temporary (503 with Retry-After).
 */
@Provider
public class OwnerTroubleMapper implements ExceptionMapper<WholesaleException> {

    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    @Override
    public Response toResponse(WholesaleException e) {
        if (e instanceof WholesaleException.FunctionalFault fault) {
            if (fault.code().endsWith("INCONNUE")) {
                return Problem.of("unknown-order", "The network owner does not know this order",
                        Response.Status.NOT_FOUND, "The network owner has no order with this reference.").response().build();
            }
            return Problem.of("refused-by-owner", "The network owner refused the request", 422,
                    "The network owner answered " + fault.code() + ": " + fault.label()).response().build();
        }
        long retry = e.retryAfter().orElse(DEFAULT_RETRY).toSeconds();
        return Problem.of("owner-unavailable", "The network owner cannot be asked right now",
                        Response.Status.SERVICE_UNAVAILABLE, "Try again in " + retry + " s; stored data stays available.")
                .response().header("Retry-After", retry).build();
    }
}
