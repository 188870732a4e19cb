package org.raccord.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.raccord.tracking.Reason;
import org.raccord.tracking.SpokenDates;

/**
 * A few sentences a call-centre agent can read aloud: where the order stands, when the old line is
 * (or was) cut, when the new one comes, how often that date moved and why, and whether the gap
 * breaks the one-working-day rule. French by default, English on request.
 */
final class StatusSummary {

    private static final Map<String, String[]> STATES = Map.of(
            "acknowledged", new String[] {"reçue par l'opérateur du réseau", "received by the network owner"},
            "inProgress", new String[] {"en cours", "in progress"},
            "held", new String[] {"retardée par l'opérateur du réseau", "delayed by the network owner"},
            "completed", new String[] {"terminée : la ligne est en service", "completed: the line is in service"},
            "rejected", new String[] {"refusée", "rejected"},
            "cancelled", new String[] {"annulée", "cancelled"},
            "pending", new String[] {"en attente", "pending"},
            "failed", new String[] {"en échec", "failed"});

    private StatusSummary() {
    }

    static String of(LineView v, boolean english) {
        int i = english ? 1 : 0;
        List<String> s = new ArrayList<>();
        String state = STATES.getOrDefault(v.state(), new String[] {v.state(), v.state()})[i];
        s.add((english ? "Order " : "Commande ") + v.orderReference() + (english ? ": " : " : ") + state + ".");
        if (("rejected".equals(v.state()) || "cancelled".equals(v.state())) && v.lastReason() != null) {
            s.add((english ? "Reason: " : "Motif : ") + plain(v.lastReason(), english) + ".");
        }
        LineView.PreviousProvider previous = v.previousProvider();
        if (previous != null && previous.cutAt() != null) {
            s.add(english ? "The previous line was cut on " + day(previous.cutAt(), true) + "."
                    : "L'ancienne ligne a été coupée le " + day(previous.cutAt(), false) + ".");
        } else if (previous != null && previous.plannedCutAt() != null && "PLANNED".equals(previous.cutoverState())) {
            s.add(english ? "The previous line will be cut on " + day(previous.plannedCutAt(), true) + "."
                    : "L'ancienne ligne sera coupée le " + day(previous.plannedCutAt(), false) + ".");
        }
        if (v.deliveredAt() != null) {
            s.add(english ? "The new line was delivered on " + day(v.deliveredAt(), true) + "."
                    : "La nouvelle ligne a été livrée le " + day(v.deliveredAt(), false) + ".");
        } else if (v.committedDeliveryDate() != null && !"cancelled".equals(v.state()) && !"rejected".equals(v.state())) {
            StringBuilder due = new StringBuilder(english ? "The new line is due on " : "La nouvelle ligne est prévue le ");
            due.append(SpokenDates.day(v.committedDeliveryDate(), english));
            int moved = v.deliveryDateRevisions().count();
            if (moved > 0) {
                Reason why = v.deliveryDateRevisions().history().get(moved - 1).reason();
                due.append(english ? " (date moved " + times(moved, true) : " (date reportée " + times(moved, false));
                if (why != null) {
                    due.append(english ? ", last because " : ", dernier motif : ").append(plain(why, english));
                }
                due.append(')');
            }
            s.add(due.append('.').toString());
        }
        LineView.Gap gap = v.serviceGap();
        if (gap != null && gap.breach()) {
            s.add(english ? "That leaves the customer without service for " + gap.workingDays() + " working days ("
                    + gap.calendarDays() + " days), more than the one working day the law allows."
                    : "Le client reste sans service " + gap.workingDays() + " jours ouvrés (" + gap.calendarDays()
                    + " jours), plus que le jour ouvré autorisé par la loi.");
        }
        prevention(v.breachPrevention(), english).ifPresent(s::add);
        if (v.freshness().degraded()) {
            s.add(old(v.freshness().confirmedAt(), english));
        }
        return String.join(" ", s);
    }

    /** The last sentence of a degraded answer: how old it is. */
    static String old(OffsetDateTime confirmedAt, boolean english) {
        return english ? "Last confirmed by the network owner on " + dayTime(confirmedAt, true)
                + "; the owner cannot be reached right now."
                : "Dernière confirmation de l'opérateur du réseau le " + dayTime(confirmedAt, false)
                + " ; il ne répond pas en ce moment.";
    }

    /** What Raccord asked the owner about the cut, while it matters: pending, or refused. */
    private static java.util.Optional<String> prevention(LineView.Prevention p, boolean english) {
        if (p == null) {
            return java.util.Optional.empty();
        }
        String to = day(p.requestedCut(), english);
        boolean eve = p.forDelivery() != null && p.requestedCut().atZoneSameInstant(SpokenDates.PARIS).toLocalDate().isBefore(p.forDelivery());
        String when = eve ? (english ? ", the eve of the new line's delivery" : ", veille de la livraison de la nouvelle ligne")
                : (english ? ", the new line's delivery day" : ", jour de livraison de la nouvelle ligne");
        return java.util.Optional.ofNullable(switch (p.state()) {
            case "proposed" -> english
                    ? "A request to move the cut to " + to + when + ", awaits approval."
                    : "Une demande de report de la coupure au " + to + when + ", attend validation.";
            case "requested", "acknowledged" -> english
                    ? "We have asked the network owner to move the cut to " + to + when + "."
                    : "Nous avons demandé à l'opérateur du réseau de reporter la coupure au " + to + when + ".";
            case "refused" -> english
                    ? "The network owner refused to move the cut to " + to + (p.reason() == null ? "" : ": " + plain(p.reason(), true)) + "."
                    : "L'opérateur du réseau a refusé de reporter la coupure au " + to
                            + (p.reason() == null ? "" : " : " + plain(p.reason(), false)) + ".";
            default -> null;
        });
    }

    private static String plain(Reason reason, boolean english) {
        String text = english ? reason.plainEn() : reason.plainFr();
        return text != null ? text : reason.label() != null ? reason.label() : reason.code();
    }

    private static String times(int n, boolean english) {
        if (english) {
            return n == 1 ? "once" : n + " times";
        }
        return n + " fois";
    }

    private static String day(OffsetDateTime at, boolean english) {
        return SpokenDates.day(at, english);
    }

    private static String dayTime(OffsetDateTime at, boolean english) {
        return day(at, english) + (english ? " at " : " à ")
                + at.atZoneSameInstant(SpokenDates.PARIS).toLocalTime().withSecond(0).withNano(0);
    }
}
