package org.raccord.tracking;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Owner events (records) as JSON and back, through the platform's JSON-B: how a quarantined event
 * is kept verbatim and read again for a replay. The context is built on first use and shared (it is
 * thread-safe and costly to build).
 */
final class EventJson {

    private EventJson() {
    }

    private static final class Context {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    static String of(Object event) {
        return Context.JSONB.toJson(event);
    }

    static <E> E read(String json, Class<E> type) {
        return Context.JSONB.fromJson(json, type);
    }
}
