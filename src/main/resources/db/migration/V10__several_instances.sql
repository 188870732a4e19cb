-- Several instances on one database (PostgreSQL).
--
-- The instances of the cluster, each writing its own row every beat of its leader lease: the
-- console shows them, their role and how recently each was heard of.
CREATE TABLE cluster_member (
    instance     VARCHAR(100) PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    leader       BOOLEAN NOT NULL
);

-- A deposed poller cannot commit a page over its successor's: the cursor is versioned.
ALTER TABLE feed_cursor ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- One line's events reach a subscriber in the order they were committed, whichever instance wrote
-- them: each line numbers its own events (ids come in blocks per instance and cannot say).
ALTER TABLE tracked_line ADD COLUMN events_written BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE outbox_event ADD COLUMN line_event_number BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE webhook_delivery ADD COLUMN line_event_number BIGINT DEFAULT 0 NOT NULL;

-- Operators' decisions that hold on every instance and survive restarts (polling paused, a
-- breaker held open), and the secrets the instances share (the console's CSRF key).
CREATE TABLE cluster_setting (
    name          VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every committed change of a line, for the other instances' read models: numbered in commit
-- order by one counter row that each changing transaction takes last (tracking.LineChanges).
CREATE TABLE line_change (
    change_number BIGINT PRIMARY KEY,
    line_id       BIGINT NOT NULL,
    line_version  BIGINT NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_line_change_at ON line_change (changed_at);
CREATE TABLE line_change_counter (
    id          INT PRIMARY KEY,
    last_number BIGINT NOT NULL
);
INSERT INTO line_change_counter (id, last_number) VALUES (1, 0);

-- The owner's quota counted for every instance together (wholesale.SharedQuota, PostgreSQL): the
-- calls granted in the current quarter-second window, numbered on the database's clock.
CREATE TABLE owner_quota (
    name          VARCHAR(20) PRIMARY KEY,
    window_number BIGINT NOT NULL,
    granted       INT NOT NULL
);
INSERT INTO owner_quota (name, window_number, granted) VALUES ('owner', 0, 0);

-- What one instance learns about the owner that all must act on (wholesale.SharedOwnerState):
-- the owner's retry-after pauses, and the feeds' health as their reader (the leader) saw it.
CREATE TABLE owner_state (
    name          VARCHAR(60) PRIMARY KEY,
    breaker_state VARCHAR(20),
    last_error    VARCHAR(500),
    paused_until  TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
