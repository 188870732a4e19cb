package org.raccord.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.raccord.simulator.ScriptedEvent.Feed;

/**
 * The owner's desk for requests to move a planned cutover: it applies the owner's rules, answers a
 * request sent again (after a timeout) with its first answer, and has the world publish the moves it
 * grants. Granted moves are kept in the world's {@link MoveLog}, so a restarted owner still has them.
 */
public final class PostponementDesk {

    /** The owner said no, with its code and label (French, as the owner writes them). */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refusal(String code, String label) {
            super(label, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A granted request: the owner's reference, the cut it moved and where to. */
    public record Grant(String requestId, String ownerReference, Instant previous, Instant granted) {
    }

    private final OwnerWorld world;
    private final PostponementRules rules;
    private final long seed;
    private final Map<String, Object> answers = new HashMap<>();
    private final Map<String, Integer> requestLines = new HashMap<>();

    public PostponementDesk(OwnerWorld world, PostponementRules rules, long seed) {
        this.world = world;
        this.rules = rules;
        this.seed = seed;
        for (MoveLog.Entry kept : world.moveLog().entries()) {
            answers.put(kept.requestId(), grantOf(kept.requestId(), kept.move()));
            requestLines.put(kept.requestId(), kept.move().line());
        }
    }

    public PostponementRules rules() {
        return rules;
    }

    /** Asks to move line {@code index}'s planned cut to {@code wanted}; the same request id gets the same answer. */
    public synchronized Grant request(String requestId, int index, Instant wanted) throws Refusal {
        Integer earlier = requestLines.get(requestId);
        if (earlier != null && earlier != index) {
            throw new Refusal("REQUETE_INVALIDE", "Référence de demande déjà utilisée pour une autre ligne");
        }
        Object first = answers.get(requestId);
        if (first instanceof Grant grant) {
            return grant;
        }
        if (first instanceof Refusal refusal) {
            throw refusal;
        }
        try {
            Grant grant = decide(requestId, index, wanted);
            answers.put(requestId, grant);
            requestLines.put(requestId, index);
            return grant;
        } catch (Refusal refusal) {
            answers.put(requestId, refusal);
            requestLines.put(requestId, index);
            throw refusal;
        }
    }

    private Grant decide(String requestId, int index, Instant wanted) throws Refusal {
        Instant now = world.clock().now();
        List<PublishedEvent> cutover = world.history(index, Feed.CUTOVER).orElse(List.of());
        if (cutover.isEmpty()) {
            throw new Refusal("BASCULE_INCONNUE", "Aucune bascule pour cette ligne");
        }
        boolean orderCancelled = world.history(index, Feed.ORDER).orElse(List.of()).stream()
                .anyMatch(e -> "CR_ANNUL".equals(e.event().flow()) || "CR_RESIL".equals(e.event().flow()));
        if (orderCancelled) {
            throw new Refusal("COMMANDE_ANNULEE", "La commande d'accès est annulée");
        }
        Instant first = null;
        Instant planned = null;
        int moves = 0;
        for (PublishedEvent published : cutover) {
            ScriptedEvent e = published.event();
            switch (e.flow()) {
                case "NOTIF_ECRASEMENT" -> throw new Refusal("BASCULE_EFFECTUEE", "La bascule a déjà eu lieu");
                case "BASCULE_ANNULEE" -> throw new Refusal("BASCULE_ANNULEE", "La bascule est annulée");
                case "BASCULE_PLANIFIEE" -> {
                    first = first == null ? e.plannedCutover() : first;
                    planned = e.plannedCutover();
                }
                case "BASCULE_REPLANIFIEE" -> {
                    planned = e.plannedCutover();
                    moves += e.ownerRequest() == null ? 0 : 1;
                }
                default -> { }
            }
        }
        moves = Math.max(moves, world.moves(index));
        planned = world.plannedCut(index).orElse(planned);
        if (planned == null) {
            throw new Refusal("BASCULE_INCONNUE", "Aucune bascule planifiée pour cette ligne");
        }
        if (Duration.between(now, planned).compareTo(rules.minimumNotice()) < 0) {
            throw new Refusal("DELAI_PREAVIS_INSUFFISANT", "Bascule prévue dans moins de "
                    + rules.minimumNotice().toHours() + " heures : report impossible");
        }
        if (!wanted.isAfter(planned)) {
            throw new Refusal("REQUETE_INVALIDE", "La date souhaitée doit suivre la bascule prévue");
        }
        if (Duration.between(first, wanted).compareTo(rules.maximumPostponement()) > 0) {
            throw new Refusal("REPORT_MAXIMAL_DEPASSE", "Report au-delà de " + rules.maximumPostponement().toDays()
                    + " jours après la bascule initialement prévue");
        }
        if (moves >= rules.maximumMoves()) {
            throw new Refusal("REPORTS_EPUISES", "Cette bascule a déjà été reportée " + moves + " fois");
        }
        if (dayIsFull(index, wanted)) {
            throw new Refusal("PLAN_DE_CHARGE_SATURE", "Plan de charge du centre d'intervention complet ce jour-là");
        }
        CutoverMove move = new CutoverMove(index, now.plus(rules.processing()), planned, wanted,
                String.format("RPB-%08d", world.moveLog().size() + 1));
        world.grant(requestId, move);
        return grantOf(requestId, move);
    }

    /** The owner's intervention plan for that day and line's area: full on a fixed share of days. */
    private boolean dayIsFull(int index, Instant wanted) {
        long day = LocalDate.ofInstant(wanted, LineScript.PARIS).toEpochDay();
        long roll = Math.floorMod(Population.mix(seed ^ 0x5EED_F00DL, index * 40_000L + day), 1_000_000L);
        return roll < rules.fullDayShare() * 1_000_000;
    }

    private static Grant grantOf(String requestId, CutoverMove move) {
        return new Grant(requestId, move.ownerReference(), move.from(), move.to());
    }
}
