package org.raccord.polling;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.raccord.tracking.Contact;
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.TrackedLine;
import org.raccord.wholesale.WholesaleException;

import static org.assertj.core.api.Assertions.assertThat;

/** One line's trouble never costs the others their check; only the owner's own trouble ends a run. */
class ReconciliationTest {

    private final List<String> asked = new ArrayList<>();
    private final List<String> unknownToOwner = new ArrayList<>();

    private Reconciliation reconciliation(String unknown, String broken, String ownerDown) {
        Reconciliation reconciliation = new Reconciliation();
        reconciliation.refresh = new LineRefresh() {
            @Override
            public TrackedLine refresh(String order, String phone, Contact contact) {
                asked.add(order);
                if (order.equals(unknown)) {
                    throw new WholesaleException.FunctionalFault("consulterCommande", "COMMANDE_INCONNUE", "Commande inconnue");
                }
                if (order.equals(broken)) {
                    throw new IllegalStateException("value too long for column");
                }
                if (order.equals(ownerDown)) {
                    throw new WholesaleException.TechnicalFault("consulterCommande", "HTTP_503", "unavailable", null);
                }
                return null;
            }
        };
        reconciliation.refresh.ledger = new LineLedger() {
            @Override
            public void ownerDoesNotKnow(String orderReference) {
                unknownToOwner.add(orderReference);
            }
        };
        return reconciliation;
    }

    @Test
    void anOrderTheOwnerDoesNotKnowIsMarkedAndTheOthersAreStillChecked() {
        int refreshed = reconciliation("CMD-2", null, null).check(List.of("CMD-1", "CMD-2", "CMD-3"));

        assertThat(asked).containsExactly("CMD-1", "CMD-2", "CMD-3");
        assertThat(unknownToOwner).containsExactly("CMD-2");
        assertThat(refreshed).isEqualTo(2);
    }

    @Test
    void aLineThatFailsIsSkippedAndCountedWithoutStoppingTheRun() {
        Reconciliation reconciliation = reconciliation(null, "CMD-1", null);

        int refreshed = reconciliation.check(List.of("CMD-1", "CMD-2", "CMD-3"));

        assertThat(asked).containsExactly("CMD-1", "CMD-2", "CMD-3");
        assertThat(refreshed).isEqualTo(2);
        assertThat(reconciliation.failedSinceStart()).isEqualTo(1);
        assertThat(unknownToOwner).isEmpty();
    }

    @Test
    void theOwnersOwnTroubleEndsTheRunToSpareIt() {
        Reconciliation reconciliation = reconciliation(null, null, "CMD-2");

        int refreshed = reconciliation.check(List.of("CMD-1", "CMD-2", "CMD-3"));

        assertThat(asked).containsExactly("CMD-1", "CMD-2");
        assertThat(refreshed).isEqualTo(1);
        assertThat(reconciliation.failedSinceStart()).isZero();
    }
}
