package org.raccord.admin;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of the audit trail: an operator's action on the console or the admin endpoints. */
@Entity
@Table(name = "operator_action")
public class OperatorActionRecord {

    @Id
    @SequenceGenerator(name = "operator_action_seq", sequenceName = "operator_action_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "operator_action_seq")
    private Long id;
    private OffsetDateTime at;
    private String actor;
    private String action;
    private String target;
    @Column(name = "outcome") private int outcome;

    protected OperatorActionRecord() {
    }

    OperatorActionRecord(OffsetDateTime at, String actor, String action, String target, int outcome) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
    }

    /** As the console shows it. */
    public record Entry(OffsetDateTime at, String actor, String action, String target, int outcome) {
    }

    Entry entry() {
        return new Entry(at, actor, action, target, outcome);
    }
}
