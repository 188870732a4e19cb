package org.raccord.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BeatHealthTest {

    @Test
    void anInstanceIsUpOnlyWhenEveryCheckIsAndOtherwiseNamesTheChecksThatAreNot() {
        HealthCheck up = () -> new HealthCheckResponse("database", HealthCheckResponse.Status.UP, Optional.empty());
        HealthCheck loopsDown = () -> new HealthCheckResponse("loops", HealthCheckResponse.Status.DOWN, Optional.of(Map.of("stale", "polling")));
        HealthCheck throwing = () -> {
            throw new IllegalStateException("no pool");
        };
        assertThat(BeatHealth.summary(HealthReport.of(List.of(up)))).isEqualTo("UP");
        assertThat(BeatHealth.summary(HealthReport.of(List.of(up, loopsDown, throwing))))
                .startsWith("DOWN: loops, ").doesNotContain("database").doesNotContain("no pool");
    }
}
