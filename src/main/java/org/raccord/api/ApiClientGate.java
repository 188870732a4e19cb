package org.raccord.api;

import java.util.Arrays;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.raccord.web.ClientScopes;
import org.raccord.web.Problem;

/**
 * Lets through only API clients whose bearer token (verified by Liberty's mpJwt before this runs)
 * carries a scope the resource names in {@link ClientScopes}. A request without a token, or signed
 * in as a person rather than a client, gets a 401 problem with a Bearer challenge (RFC 6750); a
 * token mpJwt refused gets a 401 "invalid_token" problem (these resources are not constrained in
 * web.xml, so a refused token leaves the request anonymous instead of ending it with an empty 401);
 * a client without the scope gets a 403 problem.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiClientGate implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        ClientScopes scopes = required();
        if (scopes == null) {
            return;
        }
        boolean client = request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken;
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean tokenSent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!client && tokenSent) {
            // mpJwt refused the token (its reason is in the server log) and the request went on anonymous.
            refuse(request, Problem.of("invalid-token", "The bearer token was not accepted", 401,
                    "The token is expired, not from the configured identity provider, for another audience,"
                            + " or not validly signed; ask the identity provider for a new one."), ", error=\"invalid_token\"");
        } else if (!client) {
            refuse(request, Problem.of("unauthenticated", "A bearer token is required", 401,
                    "API clients authenticate with a bearer JWT from the identity provider (Authorization: Bearer <token>)."), "");
        } else if (Arrays.stream(scopes.value()).noneMatch(request.getSecurityContext()::isUserInRole)) {
            refuse(request, Problem.of("insufficient-scope", "This client's token lacks the scope", 403,
                    "This call needs a token with one of the scopes " + String.join(", ", scopes.value()) + "."),
                    ", error=\"insufficient_scope\", scope=\"" + String.join(" ", scopes.value()) + "\"");
        }
    }

    /** Ends the request with this problem and its Bearer challenge (RFC 6750). */
    private static void refuse(ContainerRequestContext request, Problem problem, String challengeDetail) {
        request.abortWith(problem.response()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"raccord\"" + challengeDetail).build());
    }

    private ClientScopes required() {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        ClientScopes onMethod = resource.getResourceMethod().getAnnotation(ClientScopes.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(ClientScopes.class);
    }
}
