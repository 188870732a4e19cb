package org.raccord.wholesale;

/** The owner's call quota as Raccord spends it: the quota (most calls reaching the owner in any second), permits left in the current quarter-second, callers waiting. */
public record QuotaReading(int perSecond, int available, int waiting) {
}
