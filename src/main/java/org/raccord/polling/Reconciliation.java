package org.raccord.polling;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.wholesale.WholesaleException;
import org.raccord.tracking.MaskedFailure;
import org.raccord.tracking.PhoneNumbers;

/**
 * Consults the owner about the lines whose next check is due (see {@code CheckCadence}): lines
 * near a cut or a delivery, lines with incomplete data, newly registered lines. A bounded number per
 * run, so reconciliation never eats the quota the feeds need. Every instance of a cluster
 * reconciles; each consults only the lines it claimed.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    /** Long enough for a run's consults (each bounded by the owner's timeouts); a dead instance's lines wait this long. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    @Inject
    CheckClaims claims;

    @Inject
    LineRefresh refresh;

    @Inject
    @ConfigProperty(name = "raccord.polling.checksPerRun", defaultValue = "20")
    int checksPerRun;

    private final LongAdder failed = new LongAdder();

    /** Consults the due lines this instance claimed (see {@link CheckClaims}); returns how many were refreshed. */
    public int run() {
        return check(claims.claim(OffsetDateTime.now(ZoneOffset.UTC), CLAIM_LEASE, checksPerRun));
    }

    /**
     * Each line on its own: the owner not knowing one order backs that line off, and a line that
     * fails is skipped and counted; neither stops the others. Only the owner's own trouble (it is
     * down, throttling, its breaker open) ends the run: asking on would only add to its load.
     */
    int check(List<String> due) {
        int refreshed = 0;
        for (String order : due) {
            try {
                refresh.check(order);
                refreshed++;
            } catch (WholesaleException.FunctionalFault unknown) {
                LOG.log(Level.INFO, () -> "the owner does not know order " + order + " (marked, checks back off): "
                        + unknown.getMessage());
            } catch (WholesaleException ownerTrouble) {
                LOG.log(Level.FINE, () -> "reconciliation paused until the next run: " + PhoneNumbers.maskIn(ownerTrouble.getMessage()));
                break;
            } catch (RuntimeException failure) {
                failed.increment();
                LOG.log(Level.WARNING, "reconciliation of order " + order + " failed; the other lines go on", MaskedFailure.of(failure));
            }
        }
        return refreshed;
    }

    /** Line checks that failed (not for the owner's reasons) since start-up. */
    public long failedSinceStart() {
        return failed.sum();
    }
}
