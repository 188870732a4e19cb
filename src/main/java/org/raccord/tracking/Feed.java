package org.raccord.tracking;

/** The owner's two delta feeds; a (feed, sequence) pair identifies one upstream event for ever. */
public enum Feed {
    ORDER,
    CUTOVER
}
