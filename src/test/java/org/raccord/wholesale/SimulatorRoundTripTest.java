package org.raccord.wholesale;

import org.raccord.tracking.CutoverEvent;
import org.raccord.tracking.OrderEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raccord.simulator.DeskSettings;
import org.raccord.simulator.HostileEvent;
import org.raccord.simulator.LocalOwner;
import org.raccord.tracking.CutoverEventKind;
import org.raccord.tracking.CutoverState;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.ServiceState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated client against the simulator, through the whole SOAP stack. */
class SimulatorRoundTripTest {

    private static LocalOwner owner;
    private static AccessOrderGateway orders;
    private static CutoverGateway cutovers;

    @BeforeAll
    static void start() {
        owner = new LocalOwner(7, 200);
        WholesaleSettings settings = WholesaleSettings.defaults(URI.create(owner.baseUrl));
        orders = new AccessOrderGateway(settings);
        cutovers = new CutoverGateway(settings);
    }

    @AfterAll
    static void stop() {
        owner.close();
    }

    @Test
    void customerLetterLineTellsTheCutAndTheSlippedDate() {
        OrderSnapshot order = orders.consult(LineQuery.order("CMD-00000001"));

        assertThat(order.fibre()).isFalse();
        assertThat(order.ndi()).matches("0[1-9][0-9]{8}");
        assertThat(order.events()).extracting(OrderEvent::kind).contains(
                OrderEventKind.ACKNOWLEDGED, OrderEventKind.ACCEPTED, OrderEventKind.JEOPARDY,
                OrderEventKind.DELIVERY_DATE_REVISED);
        OrderEvent revision = order.events().stream()
                .filter(e -> e.kind() == OrderEventKind.DELIVERY_DATE_REVISED).findFirst().orElseThrow();
        assertThat(revision.deliveryDate()).isAfter(revision.previousDeliveryDate());
        assertThat(revision.reason().code()).isEqualTo("FINT01");
        assertThat(order.committedDeliveryDate()).isEqualTo(revision.deliveryDate());
        assertThat(order.state()).isIn(ServiceState.IN_PROGRESS, ServiceState.HELD);

        CutoverSnapshot cutover = cutovers.consult(new LineQuery(LineQuery.Kind.NDI, order.ndi()));
        assertThat(cutover.state()).isEqualTo(CutoverState.DONE);
        assertThat(cutover.cutAt()).isNotNull();
        assertThat(cutover.cutAt().toLocalDate()).isBefore(order.committedDeliveryDate());
        assertThat(cutover.losingOperator()).matches("[A-Z0-9]{4}");
    }

    @Test
    void feedsArePagedWithStrictlyIncreasingSequences() {
        List<OrderEvent> all = new ArrayList<>();
        long since = 0;
        FeedPage<OrderEvent> page;
        do {
            page = orders.readFeed(since, 50);
            all.addAll(page.events());
            assertThat(page.events()).hasSizeLessThanOrEqualTo(50);
            since = page.next();
        } while (page.more());

        assertThat(all).isNotEmpty();
        assertThat(all.size()).isEqualTo((int) page.lastPublished());
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).sequence()).isEqualTo(all.get(i - 1).sequence() + 1);
        }
        FeedPage<CutoverEvent> cuts = cutovers.readFeed(0, 1000);
        assertThat(cuts.events()).extracting(CutoverEvent::kind).contains(CutoverEventKind.PREVIOUS_SERVICE_CUT);
    }

    @Test
    void aFlowTheContractDoesNotListIsReadAsAnEventOfUnknownKind() {
        try (LocalOwner hostile = new LocalOwner(7, 20)) {
            AccessOrderGateway gateway = new AccessOrderGateway(WholesaleSettings.defaults(URI.create(hostile.baseUrl)));
            long before = gateway.readFeed(0, 1000).lastPublished();
            long sequence = hostile.world.publishHostile(List.of(HostileEvent.UNKNOWN_FLOW, HostileEvent.UNKNOWN_CODE)).get(0);

            FeedPage<OrderEvent> page = gateway.readFeed(before, 1000);

            assertThat(page.events()).hasSize(2);
            OrderEvent unknown = page.events().get(0);
            assertThat(unknown.sequence()).isEqualTo(sequence);
            assertThat(unknown.orderReference()).startsWith("CMDX-UNKNOWNFLOW-");
            assertThat(unknown.kind()).isEqualTo(OrderEventKind.UNKNOWN);
            assertThat(page.events().get(1).kind()).as("the next event is read as usual").isEqualTo(OrderEventKind.JEOPARDY);
            assertThat(gateway.readFeed(0, (int) before).events()).as("earlier pages are read as before").hasSize((int) before)
                    .noneMatch(e -> e.kind() == OrderEventKind.UNKNOWN);
        }
    }

    @Test
    void unknownOrderIsAFunctionalFault() {
        assertThatThrownBy(() -> orders.consult(LineQuery.order("CMD-99999999")))
                .isInstanceOfSatisfying(WholesaleException.FunctionalFault.class,
                        f -> assertThat(f.code()).isEqualTo("CMD_INCONNUE"));
    }

    @Test
    void quotaIsAnsweredWithTheThrottlingFault() {
        owner.desk.configure(new DeskSettings(0, 0, 2, false, null));
        try {
            orders.readFeed(0, 1);
            orders.readFeed(0, 1);
            assertThatThrownBy(() -> orders.readFeed(0, 1))
                    .isInstanceOfSatisfying(WholesaleException.Throttled.class,
                            t -> assertThat(t.retryAfter()).contains(Duration.ofSeconds(1)));
            owner.realClock.advance(Duration.ofSeconds(1));
            assertThat(orders.readFeed(0, 1).events()).hasSize(1);
        } finally {
            owner.desk.configure(DeskSettings.calm());
        }
    }
}
