package org.raccord.web;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.raccord.tracking.MaskedFailure;

/**
 * The last resort: logs the failure under an incident id and answers without any internal detail.
 * Reaching it is a bug; bad input must be caught by the mappers above. A database that is not
 * answering is not a bug but a time to retry: 503 {@code database-unavailable}, with
 * {@code Retry-After}, not logged per request (the instance's own loops report the outage).
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    /** The database's own restart takes seconds; a failover of its host, tens of seconds. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (DatabaseAway.causedBy(e)) {
            return Problem.of("database-unavailable", "Raccord's database is not answering", Response.Status.SERVICE_UNAVAILABLE,
                    "Nothing stored could answer this request while the database is away; try again shortly.").response()
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, MaskedFailure.of(e));
        return Problem.of("internal-error", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "Incident " + incident + " was logged.").response().build();
    }
}
