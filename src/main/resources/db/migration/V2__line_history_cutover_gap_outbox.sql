-- The normalized model around a tracked line: the previous provider's cutover, the service gap,
-- the append-only timeline, delivery-date revisions, jeopardy alerts, milestones, the feeds'
-- cursors and the transactional outbox. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

ALTER TABLE tracked_line ADD COLUMN phone_e164 VARCHAR(16);
ALTER TABLE tracked_line ADD COLUMN losing_operator VARCHAR(4);
ALTER TABLE tracked_line ADD COLUMN cutover_state VARCHAR(12);
ALTER TABLE tracked_line ADD COLUMN cutover_planned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tracked_line ADD COLUMN cutover_done_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tracked_line ADD COLUMN porting_state VARCHAR(16);
ALTER TABLE tracked_line ADD COLUMN cutover_sequence BIGINT DEFAULT -1 NOT NULL;
ALTER TABLE tracked_line ADD COLUMN gap_calendar_days INTEGER;
ALTER TABLE tracked_line ADD COLUMN gap_working_days INTEGER;
ALTER TABLE tracked_line ADD COLUMN gap_breach BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tracked_line ADD COLUMN next_check_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_tracked_line_phone ON tracked_line (phone_e164);
CREATE INDEX ix_tracked_line_next_check ON tracked_line (next_check_at);
CREATE INDEX ix_tracked_line_breach ON tracked_line (gap_breach);

-- One id sequence for the insert-only records below (blocks of 50, see V1 for START WITH).
CREATE SEQUENCE record_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE line_event (
    id                BIGINT       NOT NULL PRIMARY KEY,
    line_id           BIGINT       NOT NULL REFERENCES tracked_line (id),
    feed              VARCHAR(8)   NOT NULL,
    upstream_sequence BIGINT       NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE,
    kind              VARCHAR(32)  NOT NULL,
    flow              VARCHAR(32),
    reason_code       VARCHAR(16),
    reason_label      VARCHAR(200),
    reason_known      BOOLEAN,
    summary           VARCHAR(300),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_line_event_upstream UNIQUE (feed, upstream_sequence)
);
CREATE INDEX ix_line_event_line ON line_event (line_id, upstream_sequence);

CREATE TABLE delivery_revision (
    id              BIGINT NOT NULL PRIMARY KEY,
    line_id         BIGINT NOT NULL REFERENCES tracked_line (id),
    from_date       DATE,
    to_date         DATE   NOT NULL,
    revised_at      TIMESTAMP WITH TIME ZONE,
    reason_code     VARCHAR(16),
    reason_label    VARCHAR(200),
    reason_known    BOOLEAN,
    source_sequence BIGINT NOT NULL
);
CREATE INDEX ix_delivery_revision_line ON delivery_revision (line_id);

CREATE TABLE jeopardy_alert (
    id              BIGINT NOT NULL PRIMARY KEY,
    line_id         BIGINT NOT NULL REFERENCES tracked_line (id),
    raised_at       TIMESTAMP WITH TIME ZONE,
    reason_code     VARCHAR(16),
    reason_label    VARCHAR(200),
    reason_known    BOOLEAN,
    source_sequence BIGINT NOT NULL
);
CREATE INDEX ix_jeopardy_alert_line ON jeopardy_alert (line_id);

CREATE TABLE line_milestone (
    id              BIGINT      NOT NULL PRIMARY KEY,
    line_id         BIGINT      NOT NULL REFERENCES tracked_line (id),
    milestone       VARCHAR(32) NOT NULL,
    reached_at      TIMESTAMP WITH TIME ZONE,
    source_feed     VARCHAR(8)  NOT NULL,
    source_sequence BIGINT      NOT NULL
);
-- Not unique: an owner may repeat a flow (two bookings); the earliest reach is the milestone.
CREATE INDEX ix_line_milestone_line ON line_milestone (line_id, milestone);

CREATE TABLE feed_cursor (
    feed                VARCHAR(8) NOT NULL PRIMARY KEY,
    last_sequence       BIGINT     NOT NULL,
    owner_last_sequence BIGINT     NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE
);

CREATE TABLE outbox_event (
    id           BIGINT        NOT NULL PRIMARY KEY,
    event_id     VARCHAR(36)   NOT NULL,
    line_id      BIGINT        NOT NULL REFERENCES tracked_line (id),
    event_type   VARCHAR(48)   NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE,
    payload      VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_outbox_event_id UNIQUE (event_id)
);
CREATE INDEX ix_outbox_pending ON outbox_event (published_at, id);
