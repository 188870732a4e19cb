package org.raccord.tracking;

/** The owner's reason code (FINT01, FRDV02, ...) and the owner's own label for it. */
public record Reason(String code, String label) {
}
