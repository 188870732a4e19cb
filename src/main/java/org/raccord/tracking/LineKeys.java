package org.raccord.tracking;

/**
 * A line as clients find it, at one version: its id, that version, and every reference a lookup
 * may give (order, service, PTO, NDI, phone number; any may be null). What the read model needs
 * to withdraw a line's answer and to keep its references pointing at the right line.
 */
public record LineKeys(long id, long version, String orderReference, String serviceReference, String ptoReference,
                       String ndi, String phoneE164) {

    public static LineKeys of(TrackedLine line) {
        return new LineKeys(line.id(), line.version(), line.orderReference(), line.serviceReference(),
                line.ptoReference(), line.ndi(), line.phoneE164());
    }
}
