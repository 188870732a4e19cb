-- The notification hook: who gets a line's SMS, the "cutover imminent" announcement, the hub's
-- subscriptions and each webhook delivery. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

ALTER TABLE tracked_line ADD COLUMN contact_mobile VARCHAR(16);
ALTER TABLE tracked_line ADD COLUMN contact_language VARCHAR(2);
ALTER TABLE tracked_line ADD COLUMN imminent_announced_for TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_tracked_line_cutover_planned ON tracked_line (cutover_state, cutover_planned_at);

CREATE INDEX ix_outbox_event_unpublished ON outbox_event (published_at, id);

CREATE TABLE hub_subscription (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    client                VARCHAR(100)  NOT NULL,
    callback_url          VARCHAR(500)  NOT NULL,
    event_types           VARCHAR(1000) NOT NULL,
    secret                VARCHAR(64)   NOT NULL,
    previous_secret       VARCHAR(64),
    previous_secret_until TIMESTAMP WITH TIME ZONE,
    state                 VARCHAR(12)   NOT NULL,
    state_reason          VARCHAR(200),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE delivery_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE webhook_delivery (
    id              BIGINT        NOT NULL PRIMARY KEY,
    subscription_id VARCHAR(36)   NOT NULL REFERENCES hub_subscription (id),
    outbox_id       BIGINT        NOT NULL,
    line_id         BIGINT        NOT NULL,
    event_id        VARCHAR(36)   NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    body            VARCHAR(8000) NOT NULL,
    state           VARCHAR(12)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(300),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_webhook_delivery UNIQUE (subscription_id, outbox_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
CREATE INDEX ix_webhook_delivery_line ON webhook_delivery (subscription_id, line_id, state, id);
