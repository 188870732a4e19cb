package org.raccord.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the owner has published about one line so far, in the owner's own terms: the state its
 * consult would answer, the dates it committed to and the cut it planned or made, and the
 * sequences of its events on each feed. What a gateway serves must agree with it once it has read
 * both feeds to their end (the truth checker of the reliability campaign).
 */
public record LineTruth(String orderReference, String ownerState, LocalDate committedDeliveryDate,
                        int deliveryDateRevisions, Instant plannedCutAt, Instant cutAt, Instant deliveredAt,
                        Instant inServiceAt, List<Long> orderSequences, List<Long> cutoverSequences) {

    /** The columns of {@link #tsv()}. */
    static final String TSV_HEADER = String.join("\t", "orderReference", "ownerState", "committedDeliveryDate",
            "deliveryDateRevisions", "plannedCutAt", "cutAt", "deliveredAt", "inServiceAt", "orderSequences", "cutoverSequences");

    /** One line of tab-separated values: absent values empty, sequences comma-separated. */
    String tsv() {
        return String.join("\t", orderReference, ownerState, text(committedDeliveryDate), String.valueOf(deliveryDateRevisions),
                text(plannedCutAt), text(cutAt), text(deliveredAt), text(inServiceAt), joined(orderSequences), joined(cutoverSequences));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String joined(List<Long> sequences) {
        return String.join(",", sequences.stream().map(String::valueOf).toList());
    }

    /** The truth after these published events of the line, both feeds, in publication order. */
    static LineTruth of(SimulatedLine line, List<PublishedEvent> orders, List<PublishedEvent> cutovers) {
        String state = AccessOrderEndpoint.stateOf(orders).name();
        LocalDate committed = null;
        int revisions = 0;
        Instant delivered = null;
        Instant inService = null;
        List<Long> orderSequences = new ArrayList<>();
        for (PublishedEvent published : orders) {
            ScriptedEvent e = published.event();
            committed = e.deliveryDate() != null ? e.deliveryDate() : committed;
            revisions += e.previousDeliveryDate() != null ? 1 : 0;
            delivered = "CR_MAD".equals(e.flow()) ? e.at() : delivered;
            inService = "CR_MES".equals(e.flow()) ? e.at() : inService;
            orderSequences.add(published.sequence());
        }
        Instant planned = null;
        Instant cut = null;
        List<Long> cutoverSequences = new ArrayList<>();
        for (PublishedEvent published : cutovers) {
            ScriptedEvent e = published.event();
            planned = e.plannedCutover() != null ? e.plannedCutover() : planned;
            cut = "NOTIF_ECRASEMENT".equals(e.flow()) ? e.at() : cut;
            cutoverSequences.add(published.sequence());
        }
        return new LineTruth(line.orderReference(), state, committed, revisions, planned, cut, delivered, inService,
                List.copyOf(orderSequences), List.copyOf(cutoverSequences));
    }
}
