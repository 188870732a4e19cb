package org.raccord.web;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of error, so clients can branch on
 * it; {@code detail} is for people. Never carries a stack trace or internal class names.
 */
@Schema(description = "RFC 9457 problem document")
public record Problem(@Schema(description = "Stable per kind of error", example = "/problems/unknown-line") URI type,
                      String title, int status, String detail,
                      @Schema(description = "For invalid input: each field and what is wrong with it") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where and why. */
    public record Violation(String field, String message) {
    }

    public static Problem of(String kind, String title, Response.Status status, String detail) {
        return of(kind, title, status.getStatusCode(), detail);
    }

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(URI.create("/problems/" + kind), title, status, detail, null);
    }

    /** The answer of every boundary that is asked for a line nobody tracks. */
    public static Response unknownLine() {
        return of("unknown-line", "No tracked line has this reference", Response.Status.NOT_FOUND,
                "No tracked line is known by this reference.").response().build();
    }

    public Problem with(List<Violation> found) {
        return new Problem(type, title, status, detail, List.copyOf(found));
    }

    public Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
