package org.raccord.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.raccord.lines.LineSummary;

/** A bulk lookup: up to 100 references of any kind, answered one by one. */
public record Lookup(
        @NotNull(message = "is required")
        @Size(min = 1, max = 100, message = "must hold 1 to 100 references")
        List<String> references) {

    /** One reference's answer: its line, or why there is none (400 unreadable, 404 unknown). */
    @Schema(name = "LookupResult")
    public record Result(String reference, int status, LineSummary line, String problem) {
    }
}
