package org.raccord.wholesale;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raccord.support.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guards around the owner, against a WireMock owner and a clock the test drives: assertions
 * are on upstream call counts and breaker states, never on elapsed time.
 */
class OwnerGuardsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private OwnerStub stub;
    private NetworkOwner owner;

    @BeforeEach
    void start() {
        stub = new OwnerStub();
        owner = owner(3);
    }

    /** Breaker: 5 calls in a window of 10 before judging, opens at 50 % failures, waits 30 s. */
    private NetworkOwner owner(int attempts) {
        GuardSettings settings = new GuardSettings(1000, Duration.ofSeconds(1), 50, 10, 5, Duration.ofSeconds(30),
                attempts, Duration.ofMillis(1), 4);
        return new NetworkOwner(new AccessOrderGateway(stub.settings(Duration.ofMillis(800))),
                new CutoverGateway(stub.settings()), new OwnerGuards(settings, clock));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void readsAreRetriedWithBackoffThenGiveUp() {
        stub.respond(OwnerStub.ORDERS, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);

        assertThat(calls()).isEqualTo(3);
        assertThat(owner.guards().retry(AccessOrderGateway.FEED).getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
    }

    @Test
    void failuresOpenTheBreakerWhichThenSparesTheOwner() {
        owner = owner(1);
        stub.respond(OwnerStub.ORDERS, aResponse().withStatus(503).withBody("down"));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);
        }
        CircuitBreaker breaker = owner.guards().breaker(AccessOrderGateway.FEED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = calls();

        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Declined.class).hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(calls()).isEqualTo(before);
        assertThat(owner.degradedReason(clock.instant())).contains("accessOrder.feed").contains("open");
        // The other operations have breakers of their own.
        assertThat(owner.guards().breaker(AccessOrderGateway.CONSULT).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anOperatorForcesABreakerOpenAndClosedAndTheReadingsShowIt() {
        stub.respond(OwnerStub.ORDERS, aResponse().withStatus(503).withBody("down"));
        owner.forceBreaker(AccessOrderGateway.FEED, true);
        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Declined.class);
        assertThat(calls()).as("a breaker held open spares the owner").isZero();
        OperationReading held = reading(AccessOrderGateway.FEED);
        assertThat(held.health().breakerState()).isEqualTo("FORCED_OPEN");
        assertThat(held.notPermittedCalls()).isEqualTo(1);

        owner.forceBreaker(AccessOrderGateway.FEED, false);
        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);
        OperationReading closed = reading(AccessOrderGateway.FEED);
        assertThat(closed.health().breakerState()).isEqualTo("CLOSED");
        assertThat(closed.p99Millis()).as("each attempt's latency is recorded").isPositive();
        assertThat(owner.quota().perSecond()).isEqualTo(1000);
        assertThatThrownBy(() -> owner.forceBreaker("accessOrder.delete", true)).isInstanceOf(IllegalArgumentException.class);
    }

    private OperationReading reading(String operation) {
        return owner.readings().stream().filter(r -> r.health().operation().equals(operation)).findFirst().orElseThrow();
    }

    @Test
    void functionalFaultsNeverOpenTheBreakerNorAreRetried() {
        stub.answer(OwnerStub.ORDERS, "fault-fonctionnelle");

        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> owner.consultOrder(LineQuery.order("CMD-99999999")))
                    .isInstanceOf(WholesaleException.FunctionalFault.class);
        }

        assertThat(calls()).isEqualTo(12);
        assertThat(owner.guards().breaker(AccessOrderGateway.CONSULT).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // A business answer is not an interface failure: not "failing" on the console, nothing degraded.
        OperationHealth consult = reading(AccessOrderGateway.CONSULT).health();
        assertThat(consult.lastFailure()).isNull();
        assertThat(consult.lastSuccess()).isNotNull();
        assertThat(consult.troubled(clock.instant())).isFalse();
    }

    @Test
    void throttlingRetryAfterIsHonouredForEveryOperation() {
        stub.answer(OwnerStub.ORDERS, "fault-quota");
        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Throttled.class);
        assertThat(calls()).isEqualTo(1);

        assertThatThrownBy(() -> owner.consultOrder(LineQuery.order("CMD-00000001")))
                .isInstanceOf(WholesaleException.Throttled.class);
        assertThatThrownBy(() -> owner.cutoverFeed(0, 10)).isInstanceOf(WholesaleException.Throttled.class);
        assertThat(calls()).isEqualTo(1);
        assertThat(owner.guards().breaker(AccessOrderGateway.FEED).getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        clock.advance(Duration.ofSeconds(1));
        stub.answer(OwnerStub.ORDERS, "lire-flux-commandes");
        assertThat(owner.orderFeed(0, 6).events()).hasSize(6);
    }

    @Test
    void maintenanceIsWaitedOutWithoutRetrying() {
        stub.answer(OwnerStub.ORDERS, "fault-maintenance");

        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.TechnicalFault.class);
        assertThatThrownBy(() -> owner.consultOrder(LineQuery.order("CMD-00000001")))
                .isInstanceOf(WholesaleException.TechnicalFault.class);

        assertThat(calls()).isEqualTo(1);
        assertThat(owner.guards().health(AccessOrderGateway.CONSULT).pausedUntil())
                .isEqualTo(clock.instant().plusSeconds(49_546));
    }

    @Test
    void afterAnOutageTheBreakerHalfOpensClosesAndFreshnessRecovers() {
        owner = owner(1);
        stub.respond(OwnerStub.ORDERS, aResponse().withStatus(503));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);
        }
        CircuitBreaker breaker = owner.guards().breaker(AccessOrderGateway.FEED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(owner.degradedReason(clock.instant())).isNotNull();

        stub.answer(OwnerStub.ORDERS, "lire-flux-commandes");
        assertThatThrownBy(() -> owner.orderFeed(0, 6)).isInstanceOf(WholesaleException.Declined.class).hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(calls()).isZero();

        clock.advance(Duration.ofSeconds(31));
        owner.orderFeed(0, 6);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        owner.orderFeed(0, 6);

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls()).isEqualTo(2);
        assertThat(owner.degradedReason(clock.instant())).isNull();
    }

    @Test
    void retriesGoThroughTheBreakerAndStopWhenItOpens() {
        stub.respond(OwnerStub.ORDERS, aResponse().withStatus(503));

        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);
        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Declined.class).hasCauseInstanceOf(CallNotPermittedException.class);

        // 3 attempts, then 2 more that open the breaker (5 calls, all failed); the 3rd is not made.
        assertThat(calls()).isEqualTo(5);
    }

    @Test
    void aTooSlowOwnerTimesOutAndCounts() {
        stub.respond(OwnerStub.ORDERS, aResponse().withFixedDelay(3_000).withBody("late"));

        assertThatThrownBy(() -> owner.orderFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);

        assertThat(owner.guards().breaker(AccessOrderGateway.FEED).getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
    }

    private int calls() {
        return stub.server.countRequestsMatching(postRequestedFor(urlEqualTo(OwnerStub.ORDERS)).build()).getCount();
    }
}
