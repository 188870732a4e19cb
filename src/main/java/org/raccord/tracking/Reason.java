package org.raccord.tracking;

/**
 * Why the owner did something: its code (FINT01, FRDV02, ...) and its own label, kept verbatim,
 * with a plain-language reading in French and English. {@code known} is false for a code Raccord
 * has no entry for: such a code is never dropped, and the plain text then says only what its
 * family (FCLI, FADR, FIMP, FINT, FRDV) means, or that the reason is unknown.
 */
public record Reason(String code, String label, boolean known, String plainFr, String plainEn) {

    /** A reason as stored: code and label, with its reading unknown until translated again. */
    public static Reason stored(String code, String label, boolean known) {
        return new Reason(code, label, known, null, null);
    }
}
