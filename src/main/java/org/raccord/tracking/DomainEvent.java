package org.raccord.tracking;

import java.time.OffsetDateTime;
import java.util.Map;

/** One meaningful change of a line, with the facts a message about it needs (values as text). */
public record DomainEvent(DomainEventType type, OffsetDateTime occurredAt, Map<String, String> facts) {
}
