package org.raccord.polling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.raccord.tracking.BreachPreventions;
import org.raccord.tracking.MaskedFailure;
import org.raccord.tracking.PreventionRules;
import org.raccord.wholesale.LineQuery;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.PostponementGranted;
import org.raccord.wholesale.PostponementRequest;
import org.raccord.wholesale.WholesaleException;

/**
 * Asks the owner to move the old line's cut to the new line's delivery whenever a breach can still
 * be prevented: settles what the feeds confirmed, starts the requests the policy allows (proposed to
 * operations, or requested at once), and sends the requested ones. Run by the leader after each
 * poll, so a breach the feed just revealed is acted on in the same run.
 *
 * <p>A request is sent once per run at most. Without an answer (timeout, owner down, quota) it is
 * sent again at a later run under the same request id, which the owner answers without making a
 * second request; the cut overtaking it (less than the owner's notice left) expires it.
 */
@ApplicationScoped
public class CutAlignment {

    private static final Logger LOG = Logger.getLogger(CutAlignment.class.getName());
    /** Requests started and sent per run: a flood of breaches is worked through over several runs. */
    static final int PER_RUN = 50;

    @Inject
    NetworkOwner owner;

    @Inject
    BreachPreventions preventions;

    @Inject
    PreventionSettings settings;

    public void run() {
        run(settings.rules());
    }

    void run(PreventionRules rules) {
        OffsetDateTime ownerNow = owner.ownerNow(Instant.now()).atOffset(ZoneOffset.UTC);
        preventions.settle(rules, ownerNow);
        preventions.propose(rules, ownerNow, PER_RUN);
        for (BreachPreventions.Pending pending : preventions.toSend(PER_RUN)) {
            if (!send(rules, pending)) {
                break;
            }
        }
    }

    /** Sends one request and records the answer; false when the owner cannot be asked now. */
    private boolean send(PreventionRules rules, BreachPreventions.Pending pending) {
        LineQuery line = pending.ndi() != null ? new LineQuery(LineQuery.Kind.NDI, pending.ndi())
                : pending.ptoReference() != null ? new LineQuery(LineQuery.Kind.PTO_REFERENCE, pending.ptoReference())
                : LineQuery.order(pending.orderReference());
        try {
            PostponementGranted granted = owner.requestPostponement(new PostponementRequest(pending.requestId(), line,
                    pending.requestedCut()));
            preventions.granted(rules, pending, granted.ownerReference());
            return true;
        } catch (WholesaleException.FunctionalFault refusal) {
            preventions.refused(rules, pending, refusal.code(), refusal.label());
            return true;
        } catch (WholesaleException trouble) {
            preventions.unanswered(rules, pending);
            LOG.log(Level.INFO, () -> "Request to move the cut of " + pending.orderReference() + " unanswered, sent again later: "
                    + MaskedFailure.of(trouble).getMessage());
            return !(trouble instanceof WholesaleException.Declined || trouble instanceof WholesaleException.Throttled);
        }
    }
}
