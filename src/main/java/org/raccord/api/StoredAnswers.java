package org.raccord.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The API's read model: each line's answer as rendered JSON, French and English, with the line
 * version it was rendered from. A lookup is one indexed query and a string, no entity and no
 * serialization; an answer older than its line is never served (the caller renders the line
 * instead), so the read model may lag behind a change but never lies about it.
 */
@ApplicationScoped
public class StoredAnswers {

    /** What a lookup gets: the line's version (for the ETag) and the answer in the asked language. */
    public record StoredAnswer(long version, String json) {
    }

    @Resource(lookup = "jdbc/raccord")
    DataSource dataSource;

    private static final String SELECT = "SELECT l.version, a.line_version, a.%s FROM tracked_line l"
            + " JOIN line_answer a ON a.line_id = l.id WHERE l.%s = ?";

    /** The stored answer of the line the reference designates, if it is as current as the line. */
    Optional<StoredAnswer> find(LineReference reference, boolean english) throws SQLException {
        String body = english ? "body_en" : "body_fr";
        List<String[]> lookups = switch (reference.kind()) {
            case PHONE -> List.of(new String[] {"phone_e164", reference.value()}, new String[] {"ndi", reference.ndi()});
            case PTO -> List.<String[]>of(new String[] {"pto_reference", reference.value()});
            case REFERENCE -> List.of(new String[] {"order_reference", reference.value()},
                    new String[] {"service_reference", reference.value()}, new String[] {"pto_reference", reference.value()},
                    new String[] {"ndi", reference.value()});
        };
        try (Connection c = dataSource.getConnection()) {
            for (String[] lookup : lookups) {
                if (lookup[1] == null) {
                    continue;
                }
                // Column names come from this method's own constants, never from the client. No
                // setMaxRows: Liberty resets a statement whose settings changed before caching it
                // again, and H2 then runs a SET QUERY_TIMEOUT command, on every lookup.
                try (PreparedStatement s = c.prepareStatement(String.format(SELECT, body, lookup[0]))) {
                    s.setString(1, lookup[1]);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            long version = r.getLong(1);
                            return version == r.getLong(2) ? Optional.of(new StoredAnswer(version, r.getString(3))) : Optional.empty();
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Stores a line's answers unless a newer rendering is already there. */
    void store(Connection c, long lineId, long version, String french, String english) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now();
        int updated = execute(c, "UPDATE line_answer SET line_version = ?, body_fr = ?, body_en = ?, rendered_at = ?"
                + " WHERE line_id = ? AND line_version < ?", version, french, english, now, lineId, version);
        if (updated == 0) {
            execute(c, "INSERT INTO line_answer (line_id, line_version, body_fr, body_en, rendered_at)"
                    + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM line_answer WHERE line_id = ?)",
                    lineId, version, french, english, now, lineId);
        }
    }

    private static int execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Lines whose answer is missing or older than the line, up to {@code limit} of them, after id {@code after}. */
    List<Long> stale(long after, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT l.id FROM tracked_line l LEFT JOIN line_answer a ON a.line_id = l.id"
                     + " WHERE l.id > ? AND (a.line_id IS NULL OR a.line_version <> l.version) ORDER BY l.id")) {
            s.setLong(1, after);
            s.setMaxRows(limit);
            try (ResultSet r = s.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
                return ids;
            }
        }
    }
}
