package org.raccord.wholesale;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raccord.simulator.LocalOwner;
import org.raccord.tracking.CutoverEvent;
import org.raccord.tracking.CutoverEventKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The postponement request through the whole SOAP stack, against the simulator's rules. */
class SimulatorPostponementTest {

    private LocalOwner owner;
    private CutoverGateway cutovers;

    @BeforeEach
    void start() {
        owner = new LocalOwner(7, 200);
        cutovers = new CutoverGateway(WholesaleSettings.defaults(URI.create(owner.baseUrl)));
    }

    @AfterEach
    void stop() {
        owner.close();
    }

    @Test
    void aPostponementRequestIsGrantedOnceAndItsRefusalsAreTyped() {
        // The live customer-letter line (the eighth) has its cut planned a day after its order.
        String letter = "CMD-00000008";
        owner.advance(Duration.ofDays(1).plusHours(6));
        CutoverSnapshot planned = cutovers.consult(LineQuery.order(letter));
        java.time.OffsetDateTime wanted = planned.plannedAt().plusDays(4);
        java.util.UUID id = java.util.UUID.randomUUID();

        PostponementGranted granted = cutovers.requestPostponement(new PostponementRequest(id, LineQuery.order(letter), wanted));
        PostponementGranted again = cutovers.requestPostponement(new PostponementRequest(id, LineQuery.order(letter), wanted));

        assertThat(granted.grantedCut().toInstant()).isEqualTo(wanted.toInstant());
        assertThat(granted.previousCut().toInstant()).isEqualTo(planned.plannedAt().toInstant());
        assertThat(again).isEqualTo(granted);
        owner.advance(Duration.ofHours(1));
        CutoverSnapshot moved = cutovers.consult(LineQuery.order(letter));
        assertThat(moved.plannedAt().toInstant()).isEqualTo(wanted.toInstant());
        CutoverEvent replanned = moved.events().get(moved.events().size() - 1);
        assertThat(replanned.kind()).isEqualTo(CutoverEventKind.RESCHEDULED);
        assertThat(replanned.reason().code()).isEqualTo("FBAS01");

        assertThatThrownBy(() -> cutovers.requestPostponement(new PostponementRequest(java.util.UUID.randomUUID(),
                LineQuery.order("CMD-00000002"), wanted)))
                .isInstanceOfSatisfying(WholesaleException.FunctionalFault.class, f -> assertThat(f.code()).isEqualTo("BASCULE_INCONNUE"));
        assertThatThrownBy(() -> cutovers.requestPostponement(new PostponementRequest(java.util.UUID.randomUUID(),
                LineQuery.order(letter), wanted.plusDays(30))))
                .isInstanceOfSatisfying(WholesaleException.FunctionalFault.class, f -> assertThat(f.code()).isEqualTo("REPORT_MAXIMAL_DEPASSE"));
    }
}
