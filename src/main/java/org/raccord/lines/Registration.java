package org.raccord.lines;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to track a line: the provider's own order reference and, optionally, the line's phone
 * number in any common French format (normalized to E.164 before it is stored).
 */
public record Registration(
        @NotNull(message = "is required")
        @Pattern(regexp = References.ORDER, message = "must be 1 to 30 letters, digits, '-' or '_'")
        String orderReference,
        @Size(max = 32, message = "must be at most 32 characters")
        String phoneNumber,
        @Valid
        ContactRequest contact) {

    /** Who gets the line's SMS: a French mobile number in any common format, and fr (default) or en. */
    public record ContactRequest(
            @NotNull(message = "is required")
            @Size(max = 32, message = "must be at most 32 characters")
            String mobile,
            @Pattern(regexp = "fr|en", message = "must be fr or en")
            String language) {
    }
}
