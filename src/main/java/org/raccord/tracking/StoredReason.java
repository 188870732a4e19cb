package org.raccord.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How a reason is kept in a row: the owner's code and label, and whether Raccord knows the code. */
@Embeddable
public class StoredReason {

    @Column(name = "reason_code") private String code;
    @Column(name = "reason_label") private String label;
    @Column(name = "reason_known") private Boolean known;

    protected StoredReason() {
    }

    static StoredReason of(Reason reason) {
        if (reason == null) {
            return null;
        }
        StoredReason stored = new StoredReason();
        stored.code = reason.code();
        stored.label = reason.label();
        stored.known = reason.known();
        return stored;
    }

    static Reason read(StoredReason stored) {
        return stored == null || stored.code == null ? null
                : Reason.stored(stored.code, stored.label, Boolean.TRUE.equals(stored.known));
    }
}
