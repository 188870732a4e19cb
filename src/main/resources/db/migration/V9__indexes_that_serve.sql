-- Indexes that serve the queries Raccord runs. V3 created a second index identical to V2's
-- ix_outbox_pending (published_at, id): one is enough. The breach flag's index is never used: the
-- breach list and count filter on the gap in working days (TrackedLines), which had none.
-- (V5 creates line_answer and V6 drops it: both stay, since a database migrated to V5 exists
-- wherever Raccord ran before the read model moved to LMDB, and Flyway checks applied scripts.)
DROP INDEX ix_outbox_event_unpublished;
DROP INDEX ix_tracked_line_breach;
CREATE INDEX ix_tracked_line_gap ON tracked_line (gap_working_days);
