package org.raccord.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.web.ApiDocs;
import org.raccord.web.Problem;
import org.raccord.web.Roles;

/**
 * All REST resources live under {@code /api}; static pages and the simulator keep the rest. The
 * annotations describe the API for the OpenAPI document generated at build time (docs: /openapi/ui).
 */
@ApplicationPath("api")
@DeclareRoles({Roles.READ, Roles.REGISTER, Roles.SUBSCRIBE, Roles.ADMIN})
@OpenAPIDefinition(
        info = @Info(title = "Raccord", version = "1.2.0",
                description = "Line-provisioning status: where a new line stands at the network owner, when the old"
                        + " provider's line is (or was) cut, when the new one is due, and the service gap between them."
                        + " Every error is an RFC 9457 problem document whose `type` is stable per kind of error."
                        + " Properties listed as required are always present; others are absent (never null) when they"
                        + " have no value; no answer carries a property its schema does not list. Versioning: a compatible"
                        + " change (a new operation, optional property, problem type or announced enumeration value)"
                        + " raises the minor version; anything else would be /api/v2."),
        tags = {
                @Tag(name = "lines", description = "Customer channels and back offices (bearer token)"),
                @Tag(name = "hub", description = "Notification subscriptions: signed CloudEvents with a ready-to-send SMS (bearer token)"),
                @Tag(name = "operations", description = "Operations only (signed-in person with the admin role)")},
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", responseCode = "400", description = "The request is invalid; `violations` says where and why",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Unauthenticated", responseCode = "401",
                        description = "No bearer token (`/problems/unauthenticated`) or a token that was not accepted (`/problems/invalid-token`)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Forbidden", responseCode = "403", description = "The token lacks the scope (`/problems/insufficient-scope`)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnknownLine", responseCode = "404", description = "No tracked line has this reference (`/problems/unknown-line`)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "TooManyRequests", responseCode = "429",
                        description = "This client's request budget is spent; retry after `Retry-After` seconds",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))}))
@SecurityScheme(securitySchemeName = ApiDocs.CLIENT, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from the identity provider (RS256); its `groups` claim carries the scopes api-read, api-register, api-subscribe.")
@SecurityScheme(securitySchemeName = ApiDocs.PERSON, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A person of the user registry (operations).")
public class RaccordApi extends Application {
}
