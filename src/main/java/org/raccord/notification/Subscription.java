package org.raccord.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A subscriber's standing order: which events go to which callback URL, signed with which secret
 * (and, during a rotation's grace period, the previous one too). Disabled when the receiver says
 * 410 Gone; deleted by its client. Its secret is shown once, when created or rotated.
 */
@Entity
@Table(name = "hub_subscription")
public class Subscription {

    static final String ACTIVE = "ACTIVE";
    static final String DISABLED = "DISABLED";
    static final String DELETED = "DELETED";
    static final String ALL = "*";

    @Id private String id;
    private String client;
    @Column(name = "callback_url") private String callbackUrl;
    @Column(name = "event_types") private String eventTypes;
    private String secret;
    @Column(name = "previous_secret") private String previousSecret;
    @Column(name = "previous_secret_until") private OffsetDateTime previousSecretUntil;
    private String state;
    @Column(name = "state_reason") private String stateReason;
    @Column(name = "created_at") private OffsetDateTime createdAt;

    protected Subscription() {
    }

    Subscription(String client, String callbackUrl, Set<String> eventTypes, String secret, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.client = client;
        this.callbackUrl = callbackUrl;
        this.eventTypes = eventTypes.isEmpty() ? ALL : String.join(",", eventTypes.stream().sorted().toList());
        this.secret = secret;
        this.state = ACTIVE;
        this.createdAt = now;
    }

    public String id() { return id; }
    public String client() { return client; }
    public String callbackUrl() { return callbackUrl; }
    public String state() { return state; }
    public String stateReason() { return stateReason; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime previousSecretUntil() { return previousSecretUntil; }
    String secret() { return secret; }

    /** The event names this subscription takes; empty means all. */
    public List<String> eventTypes() {
        return ALL.equals(eventTypes) ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    boolean wants(String eventName) {
        return ACTIVE.equals(state) && (ALL.equals(eventTypes) || eventTypes().contains(eventName));
    }

    /** The secrets to sign with now: the current one, and the previous one until its grace ends. */
    List<String> liveSecrets(Instant now) {
        List<String> live = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil.toInstant())) {
            live.add(previousSecret);
        }
        return live;
    }

    void rotate(String newSecret, OffsetDateTime graceUntil) {
        this.previousSecret = secret;
        this.previousSecretUntil = graceUntil;
        this.secret = newSecret;
    }

    void disable(String reason) {
        this.state = DISABLED;
        this.stateReason = reason;
    }

    void delete() {
        this.state = DELETED;
        this.stateReason = "deleted by its client";
    }
}
