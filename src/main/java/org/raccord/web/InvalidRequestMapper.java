package org.raccord.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Input refused by the API's own checks: 400 with every violation named. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequest> {

    @Override
    public Response toResponse(InvalidRequest e) {
        return Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST, e.getMessage())
                .with(e.violations()).response().build();
    }
}
