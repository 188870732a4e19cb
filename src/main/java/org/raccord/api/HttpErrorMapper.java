package org.raccord.api;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** HTTP-level errors raised by JAX-RS itself (unknown path, wrong method, media types, bad body). */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String[]> KINDS = Map.of(
            400, new String[] {"bad-request", "The request could not be read"},
            401, new String[] {"unauthenticated", "Authentication is required"},
            403, new String[] {"forbidden", "This client may not do that"},
            404, new String[] {"not-found", "No such resource"},
            405, new String[] {"method-not-allowed", "Method not allowed here"},
            406, new String[] {"not-acceptable", "No acceptable representation"},
            415, new String[] {"unsupported-media-type", "Unsupported media type"});

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400 || status >= 500) {
            return original;
        }
        String[] kind = KINDS.getOrDefault(status, new String[] {"client-error", "The request was refused"});
        Response.ResponseBuilder builder = Problem.of(kind[0], kind[1], status, kind[1] + ".").response();
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
