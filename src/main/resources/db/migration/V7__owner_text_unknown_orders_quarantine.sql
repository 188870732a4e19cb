-- The owner's free texts are unbounded; Raccord's reason columns are not. A text too long for its
-- column is stored clipped with a marker, and verbatim here, on the event's timeline entry.
ALTER TABLE line_event ADD COLUMN owner_text VARCHAR(262144);

-- A line the owner answers it does not know (a functional fault on consult) says so in its
-- freshness, and its checks back off instead of taking every reconciliation run.
ALTER TABLE tracked_line ADD COLUMN owner_unknown_since TIMESTAMP WITH TIME ZONE;

-- An owner event that cannot be applied, even alone and after retries, is set aside here, verbatim
-- (as translated, JSON) with the error, and the feed moves past it: one poison event never stops
-- a feed for every line. Operations see it on the console and may replay it.
CREATE SEQUENCE quarantined_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE quarantined_event (
    id                BIGINT        NOT NULL PRIMARY KEY,
    feed              VARCHAR(8)    NOT NULL,
    upstream_sequence BIGINT        NOT NULL,
    order_reference   VARCHAR(64),
    event             VARCHAR(262144) NOT NULL,
    error             VARCHAR(2000) NOT NULL,
    quarantined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    replayed_at       TIMESTAMP WITH TIME ZONE,
    replay_error      VARCHAR(2000),
    CONSTRAINT uq_quarantined_event UNIQUE (feed, upstream_sequence)
);
