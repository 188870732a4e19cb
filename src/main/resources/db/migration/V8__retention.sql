-- Retention (retention.RetentionSchedule) finds what it may forget by state and age, in batches:
-- settled lines by their last change, finished deliveries by their creation. Portable SQL.
CREATE INDEX ix_tracked_line_settled ON tracked_line (state, changed_at);
CREATE INDEX ix_webhook_delivery_finished ON webhook_delivery (state, created_at);
