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
