package org.raccord.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses, before anything reads it, a request whose path or query carries a NUL character
 * ({@code %00}): no reference, id or search text holds one, and PostgreSQL refuses it in any text
 * parameter, which would make a 400 into a failed query (found by {@code HostileClientsIT}: a hub
 * subscription id with a NUL answered 500 on PostgreSQL).
 */
@Provider
@PreMatching
public class NulCharacters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        // A NUL can only arrive percent-encoded (a raw one is not HTTP): one look at the raw URI,
        // without decoding the path and query of every lookup.
        String raw = request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery();
        if (raw.contains("%00")) {
            request.abortWith(Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST,
                    "A NUL character (%00) is not accepted in a path or a query.").response().build());
        }
    }
}
