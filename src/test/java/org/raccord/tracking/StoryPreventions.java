package org.raccord.tracking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The breach prevention records of a replayed story, in memory beside its {@link StoryLedger}: the
 * real {@link PreventionRules} applied to the ledger's lines, their events announced in the story.
 */
public final class StoryPreventions extends BreachPreventions {

    private final StoryLedger ledger;
    private final Clock clock;
    private final Map<String, BreachPrevention> records = new LinkedHashMap<>();
    private final Map<String, List<PreventionStep>> steps = new LinkedHashMap<>();

    public StoryPreventions(StoryLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public Optional<BreachPrevention> of(String orderReference) {
        return Optional.ofNullable(records.get(orderReference));
    }

    public List<PreventionStep> stepsOf(String orderReference) {
        return steps.getOrDefault(orderReference, List.of());
    }

    @Override
    public int propose(PreventionRules rules, OffsetDateTime ownerNow, int limit) {
        int started = 0;
        for (TrackedLine line : List.copyOf(ledger.tracked())) {
            if (!line.gapBreach()) {
                continue;
            }
            BreachPrevention before = records.get(line.orderReference());
            Optional<OffsetDateTime> cut = started < limit ? rules.proposal(line, before, ownerNow) : Optional.empty();
            if (cut.isPresent()) {
                keep(line, rules.start(line, before, cut.get(), now()));
                started++;
            }
        }
        return started;
    }

    @Override
    public Map<PreventionState, Integer> settle(PreventionRules rules, OffsetDateTime ownerNow) {
        Map<PreventionState, Integer> entered = new java.util.EnumMap<>(PreventionState.class);
        for (Map.Entry<String, BreachPrevention> e : records.entrySet()) {
            PreventionRules.Change change = rules.settle(line(e.getKey()), e.getValue(), ownerNow, now());
            if (change.changed()) {
                entered.merge(e.getValue().state(), 1, Integer::sum);
            }
            keep(line(e.getKey()), change);
        }
        return entered;
    }

    @Override
    public List<Pending> toSend(int limit) {
        List<Pending> pending = new ArrayList<>();
        records.forEach((order, p) -> {
            if (p.state() == PreventionState.REQUESTED && pending.size() < limit) {
                TrackedLine line = line(order);
                pending.add(new Pending(null, p.requestId(), order, line.ndi(), line.ptoReference(), p.requestedCut()));
            }
        });
        return pending;
    }

    @Override
    public void granted(PreventionRules rules, Pending sent, String ownerReference, OffsetDateTime grantedCut) {
        keep(line(sent.orderReference()), rules.granted(record(sent.orderReference()), sent.requestId(), ownerReference, grantedCut,
                now()));
    }

    @Override
    public void refused(PreventionRules rules, Pending sent, String code, String label) {
        keep(line(sent.orderReference()), rules.refused(line(sent.orderReference()), record(sent.orderReference()), sent.requestId(),
                code, label, now()));
    }

    @Override
    public void unanswered(PreventionRules rules, Pending sent) {
        rules.unanswered(record(sent.orderReference()), now());
    }

    @Override
    public void approve(PreventionRules rules, String orderReference, String operator) {
        keep(line(orderReference), rules.approve(record(orderReference), operator, now()));
    }

    @Override
    public void dismiss(PreventionRules rules, String orderReference, String operator) {
        keep(line(orderReference), rules.dismiss(record(orderReference), operator, now()));
    }

    @Override
    public Map<Long, BreachPrevention> byLine(Collection<Long> lineIds) {
        throw new UnsupportedOperationException("a story's lines have no ids: use of(orderReference)");
    }

    private void keep(TrackedLine line, PreventionRules.Change change) {
        if (!change.changed()) {
            return;
        }
        records.put(line.orderReference(), change.prevention());
        steps.computeIfAbsent(line.orderReference(), o -> new ArrayList<>()).addAll(change.steps());
        change.events().forEach(event -> ledger.announce(line, event, now()));
    }

    private BreachPrevention record(String orderReference) {
        return Optional.ofNullable(records.get(orderReference)).orElseThrow(() -> new NoSuchElementException(orderReference));
    }

    private TrackedLine line(String orderReference) {
        return ledger.tracked().stream().filter(l -> l.orderReference().equals(orderReference)).findFirst().orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
