-- Retention (retention.RetentionSchedule) finds what it may forget by state and age, in batches:
-- settled lines by their last change, finished deliveries by their creation. Portable SQL.
CREATE INDEX ix_tracked_line_settled ON tracked_line (state, changed_at);
CREATE INDEX ix_webhook_delivery_finished ON webhook_delivery (state, created_at);
-- Erasing a line deletes its outbox events by line, and the foreign key is checked per deleted
-- line: PostgreSQL does not index a foreign key's column by itself (H2 does).
CREATE INDEX ix_outbox_event_line ON outbox_event (line_id);
