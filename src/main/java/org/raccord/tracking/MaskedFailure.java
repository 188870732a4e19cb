package org.raccord.tracking;

/**
 * A failure as it may be logged: the same classes, messages and stack frames, with every phone
 * number in the messages masked ({@link PhoneNumbers#maskIn}). A database or parser error can quote
 * the row or text it choked on, and that may hold a home's line number or a customer's mobile.
 */
public final class MaskedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Causes followed; a longer (or cyclic) chain ends there. */
    private static final int DEPTH = 8;

    private final String originalClass;

    private MaskedFailure(Throwable original, int depth) {
        super(original.getMessage() == null ? null : PhoneNumbers.maskIn(original.getMessage()),
                original.getCause() == null || original.getCause() == original || depth >= DEPTH ? null
                        : new MaskedFailure(original.getCause(), depth + 1),
                false, true);
        setStackTrace(original.getStackTrace());
        this.originalClass = original.getClass().getName();
    }

    /** The failure to log in place of {@code original}. */
    public static MaskedFailure of(Throwable original) {
        return original instanceof MaskedFailure masked ? masked : new MaskedFailure(original, 0);
    }

    /** Reads as the original would ("its class: its message"), the message masked. */
    @Override
    public String toString() {
        return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
    }
}
