package org.raccord.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model on the real schema (Flyway's migrations on an in-memory H2): an answer is served
 * only while it is as current as its line, whatever reference designates the line, and an older
 * rendering never replaces a newer one.
 */
class StoredAnswersTest {

    private final StoredAnswers answers = new StoredAnswers();
    private JdbcDataSource database;

    @BeforeEach
    void schema() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:answers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        answers.dataSource = database;
        sql("INSERT INTO tracked_line (id, order_reference, service_reference, pto_reference, ndi, phone_e164, fibre, state,"
                + " upstream_sequence, confirmed_at, changed_at, registered_at, version) VALUES (7, 'CMD-7', 'VIA900007',"
                + " 'OO-1234-5678', '0139421662', '+33139421662', TRUE, 'IN_PROGRESS', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, 3)");
    }

    @Test
    void anAnswerIsServedOnlyWhileItIsAsCurrentAsItsLine() throws SQLException {
        assertThat(find("CMD-7", false)).as("nothing rendered yet").isEmpty();
        store(3, "{\"v\":3,\"lang\":\"fr\"}", "{\"v\":3,\"lang\":\"en\"}");
        assertThat(find("CMD-7", false)).hasValueSatisfying(a -> {
            assertThat(a.version()).isEqualTo(3);
            assertThat(a.json()).isEqualTo("{\"v\":3,\"lang\":\"fr\"}");
        });
        assertThat(find("CMD-7", true)).hasValueSatisfying(a -> assertThat(a.json()).contains("en"));

        sql("UPDATE tracked_line SET version = 4 WHERE id = 7");
        assertThat(find("CMD-7", false)).as("the line changed since: the caller renders it").isEmpty();
        assertThat(answers.stale(0, 10)).containsExactly(7L);

        store(4, "{\"v\":4}", "{\"v\":4}");
        store(3, "{\"v\":3}", "{\"v\":3}");
        assertThat(find("CMD-7", false)).as("an older rendering does not replace a newer one")
                .hasValueSatisfying(a -> assertThat(a.json()).isEqualTo("{\"v\":4}"));
        assertThat(answers.stale(0, 10)).isEmpty();
    }

    @Test
    void everyReferenceOfTheLineFindsItsAnswer() throws SQLException {
        store(3, "{\"fr\":1}", "{\"en\":1}");
        for (String reference : new String[] {"CMD-7", "VIA900007", "OO-1234-5678", "01 39 42 16 62", "+33 1 39 42 16 62", "0139421662"}) {
            assertThat(find(reference, false)).as(reference).hasValueSatisfying(a -> assertThat(a.json()).isEqualTo("{\"fr\":1}"));
        }
        assertThat(find("CMD-8", false)).isEmpty();
        assertThat(find("01 23 45 67 89", false)).isEmpty();
    }

    private Optional<StoredAnswers.StoredAnswer> find(String reference, boolean english) throws SQLException {
        return answers.find(LineReference.parse(reference), english);
    }

    private void store(long version, String french, String english) throws SQLException {
        try (Connection c = database.getConnection()) {
            answers.store(c, 7, version, french, english);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
