package org.raccord.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON we expect: the client's mistake, said without parser internals. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return Problem.of("malformed-body", "The request body is not valid JSON for this resource",
                Response.Status.BAD_REQUEST, "Send a JSON object with the documented fields.").response().build();
    }
}
