package org.raccord.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A request to track a line, by the provider's own order reference. */
public record Registration(
        @NotNull(message = "is required")
        @Pattern(regexp = References.ORDER, message = "must be 1 to 30 letters, digits, '-' or '_'")
        String orderReference) {
}
