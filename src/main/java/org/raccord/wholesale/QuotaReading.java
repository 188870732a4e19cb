package org.raccord.wholesale;

/** The owner's call quota as Raccord spends it: permits per second, left this second, callers waiting. */
public record QuotaReading(int perSecond, int available, int waiting) {
}
