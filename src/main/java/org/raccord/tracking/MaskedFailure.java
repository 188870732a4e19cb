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
                next(original, depth) == null ? null : new MaskedFailure(next(original, depth), depth + 1),
                false, true);
        setStackTrace(original.getStackTrace());
        this.originalClass = original.getClass().getName();
    }

    /** The cause to show after {@code failure}: its own, or past the depth limit the root cause, which matters most. */
    private static Throwable next(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        if (cause == null || cause == failure || depth < DEPTH) {
            return cause == failure ? null : cause;
        }
        if (depth > DEPTH) {
            return null;
        }
        Throwable root = cause;
        for (int hops = 0; root.getCause() != null && root.getCause() != root && hops < 100; hops++) {
            root = root.getCause();
        }
        return root;
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
