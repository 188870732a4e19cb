package org.raccord.admin;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.raccord.wholesale.OperationHealth;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness follows the database and only the database; the owner's trouble shows without failing it. */
class HealthChecksTest {

    @Test
    void readinessFailsWhenTheDatabaseIsUnreachable() {
        HealthReport report = HealthReport.of(List.of(new DatabaseCheck(unreachable(), () -> true), owner(healthy())));
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.body().getString("status")).isEqualTo("DOWN");
        JsonObject database = check(report, "database");
        assertThat(database.getString("status")).isEqualTo("DOWN");
        assertThat(database.getJsonObject("data").getString("error"))
                .isEqualTo("unreachable: SQLTransientConnectionException")
                .as("no address, user or message from the driver").doesNotContain("jdbc");
    }

    @Test
    void readinessFailsWhenTheConnectionDoesNotAnswerOrTheSchemaIsNotMigrated() {
        assertThat(new DatabaseCheck(answering(false), () -> true).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(new DatabaseCheck(answering(true), () -> false).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(new DatabaseCheck(answering(true), () -> true).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anOwnerOutageShowsInTheDetailsWithoutFailingReadiness() {
        Instant now = Instant.now();
        List<OperationHealth> outage = List.of(
                new OperationHealth("accessOrder.feed", "OPEN", now.minusSeconds(60), now, "Unreachable: connection refused", null, 12),
                new OperationHealth("accessOrder.consult", "CLOSED", null, null, null, null, 0),
                new OperationHealth("cutover.feed", "CLOSED", now, null, null, null, 3));
        HealthReport report = HealthReport.of(List.of(new DatabaseCheck(answering(true), () -> true), owner(outage)));
        assertThat(report.httpStatus()).isEqualTo(200);
        JsonObject owner = check(report, "owner-accessOrder");
        assertThat(owner.getString("status")).isEqualTo("UP");
        JsonObject data = owner.getJsonObject("data");
        assertThat(data.getString("interface")).isEqualTo("accessOrder");
        assertThat(data.getString("feed.breaker")).isEqualTo("OPEN");
        assertThat(data.getString("feed.lastSuccess")).isEqualTo(now.minusSeconds(60).toString());
        assertThat(data.getString("feed.lastError")).contains("connection refused");
        assertThat(data.getString("consult.lastSuccess")).isEqualTo("never");
        assertThat(data.getBoolean("troubled")).isTrue();
        assertThat(data.keySet()).as("only this interface's operations").noneMatch(k -> k.startsWith("cutover"));
    }

    @Test
    void aCheckThatThrowsIsDownWithoutItsStackTrace() {
        HealthCheck broken = () -> {
            throw new IllegalStateException("secret detail");
        };
        HealthReport report = HealthReport.of(List.of(broken));
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.body().toString()).contains("IllegalStateException").doesNotContain("secret detail");
    }

    private static OwnerInterfaceCheck owner(List<OperationHealth> operations) {
        return new OwnerInterfaceCheck("accessOrder", () -> operations);
    }

    private static List<OperationHealth> healthy() {
        return List.of(new OperationHealth("accessOrder.feed", "CLOSED", Instant.now(), null, null, null, 1));
    }

    private static JsonObject check(HealthReport report, String name) {
        return report.body().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private static DataSource unreachable() {
        return dataSource(() -> {
            throw new SQLTransientConnectionException("jdbc:h2:/srv/raccord user=raccord: Connection refused");
        });
    }

    private static DataSource answering(boolean valid) {
        Connection connection = (Connection) Proxy.newProxyInstance(HealthChecksTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, args) -> switch (m.getName()) {
                    case "isValid" -> valid;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return dataSource(() -> connection);
    }

    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private static DataSource dataSource(ConnectionSource source) {
        return (DataSource) Proxy.newProxyInstance(HealthChecksTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, args) -> {
                    if (m.getName().equals("getConnection")) {
                        return source.get();
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
