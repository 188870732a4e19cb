package org.raccord.polling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.raccord.tracking.BreachPreventions;
import org.raccord.tracking.MaskedFailure;
import org.raccord.tracking.PreventionPolicy;
import org.raccord.tracking.PreventionRules;
import org.raccord.tracking.Reason;
import org.raccord.tracking.ReasonCatalogue;
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
    /** Requests started, by mode (proposed or requested at once). */
    static final String PROPOSED = "raccord.prevention.started";
    /** Requests sent, by outcome (acknowledged, refused with the owner's code, unanswered). */
    static final String SENT = "raccord.prevention.requests";
    /** Requests settled, by state: accepted (a breach prevented) or expired. */
    static final String SETTLED = "raccord.prevention.settled";
    /** Requests started and sent per run: a flood of breaches is worked through over several runs. */
    static final int PER_RUN = 50;

    @Inject
    NetworkOwner owner;

    @Inject
    BreachPreventions preventions;

    @Inject
    PreventionSettings settings;

    @Inject
    MeterRegistry meters;

    public void run() {
        run(settings.rules());
    }

    void run(PreventionRules rules) {
        OffsetDateTime ownerNow = owner.ownerNow(Instant.now()).atOffset(ZoneOffset.UTC);
        // Accepted: a breach prevented (the feed shows the cut moved to the delivery).
        preventions.settle(rules, ownerNow).forEach((state, n) -> meters.counter(SETTLED, "state", state.code()).increment(n));
        if (rules.policy().mode() == PreventionPolicy.Mode.OFF) {
            // Off means nothing goes to the owner, not even a request approved or queued before.
            return;
        }
        meters.counter(PROPOSED, "mode", rules.policy().mode().code()).increment(preventions.propose(rules, ownerNow, PER_RUN));
        for (BreachPreventions.Pending pending : preventions.toSend(PER_RUN)) {
            if (!send(rules, pending)) {
                break;
            }
        }
    }

    /** The owner's code as a metric tag: one of the codes the contract lists, else "other" (tags are a bounded set). */
    private static String knownCode(String code) {
        Reason reason = ReasonCatalogue.reason(code, null);
        return reason != null && reason.known() ? reason.code().trim() : "other";
    }

    /** Sends one request and records the answer; false when the owner cannot be asked now. */
    private boolean send(PreventionRules rules, BreachPreventions.Pending pending) {
        LineQuery line = pending.ndi() != null ? new LineQuery(LineQuery.Kind.NDI, pending.ndi())
                : pending.ptoReference() != null ? new LineQuery(LineQuery.Kind.PTO_REFERENCE, pending.ptoReference())
                : LineQuery.order(pending.orderReference());
        try {
            PostponementGranted granted = owner.requestPostponement(new PostponementRequest(pending.requestId(), line,
                    pending.requestedCut()));
            preventions.granted(rules, pending, granted.ownerReference(), granted.grantedCut());
            meters.counter(SENT, "outcome", "acknowledged", "code", "").increment();
            return true;
        } catch (WholesaleException.FunctionalFault refusal) {
            preventions.refused(rules, pending, refusal.code(), refusal.label());
            meters.counter(SENT, "outcome", "refused", "code", knownCode(refusal.code())).increment();
            return true;
        } catch (WholesaleException trouble) {
            preventions.unanswered(rules, pending);
            meters.counter(SENT, "outcome", "unanswered", "code", "").increment();
            LOG.log(Level.INFO, () -> "Request to move the cut of " + pending.orderReference() + " unanswered, sent again later: "
                    + MaskedFailure.of(trouble).getMessage());
            return !(trouble instanceof WholesaleException.Declined || trouble instanceof WholesaleException.Throttled);
        }
    }
}
