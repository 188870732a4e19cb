-- The owner's free texts are unbounded; Raccord's reason columns are not. A text too long for its
-- column is stored clipped with a marker, and verbatim here, on the event's timeline entry.
ALTER TABLE line_event ADD COLUMN owner_text VARCHAR(262144);

-- A line the owner answers it does not know (a functional fault on consult) says so in its
-- freshness, and its checks back off instead of taking every reconciliation run.
ALTER TABLE tracked_line ADD COLUMN owner_unknown_since TIMESTAMP WITH TIME ZONE;
