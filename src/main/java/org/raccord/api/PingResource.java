package org.raccord.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.web.ApiDocs;
import org.raccord.web.ClientScopes;
import org.raccord.web.Roles;

/**
 * Lets an API client check its token and its way in without touching any line; also the baseline
 * the lookup benchmark compares against (the same authentication, quota and JSON, no work).
 */
// One instance for all requests: a per-request resource pays CDI injection, serialized in Liberty, every time.
@ApplicationScoped
@Path("v1/ping")
@Produces(MediaType.APPLICATION_JSON)
@ClientScopes({Roles.READ, Roles.REGISTER, Roles.ADMIN})
public class PingResource {

    /** Who the caller is, as Raccord sees it. */
    public record Pong(String client) {
    }

    @GET
    @Tag(name = "lines")
    @SecurityRequirement(name = ApiDocs.CLIENT)
    @Operation(operationId = "ping", summary = "Check a token", description = "Answers who the caller is; touches no line.")
    @APIResponse(responseCode = "200", description = "The client as Raccord sees it")
    @APIResponse(ref = "Unauthenticated")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Pong ping(@Context SecurityContext security) {
        return new Pong(security.getUserPrincipal().getName());
    }
}
