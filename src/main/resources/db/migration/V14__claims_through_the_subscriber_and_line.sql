-- A claim (Deliveries.headsDue) finds a subscriber's due deliveries, and asks for each whether an
-- earlier event of its line is still pending for the subscriber or still waits in the outbox.
-- PostgreSQL chooses indexes by statistics taken when little was pending (most deliveries are
-- delivered within a second), and with "pending" looking rare every index on the state looked as
-- good as another: it scanned all pending deliveries through the retention index (state,
-- created_at), for each due delivery, 0.3 to 1.5 s a claim once a failing receiver's retries piled
-- up (docs/reliability.md, receivers). So:
-- - retention's index leads with the age, and no index leads with the state: deliveries by state
--   are found through their subscriber;
-- - "an earlier pending event of the line" is one index range (subscriber, line, state, number),
--   replacing the index that led the same way without the number;
-- - "an earlier event of the line in the outbox" likewise (line, published, number).
-- ix_outbox_event_line stays: H2 holds the outbox's foreign key on it.
DROP INDEX ix_webhook_delivery_finished;
CREATE INDEX ix_webhook_delivery_age ON webhook_delivery (created_at, state);
CREATE INDEX ix_webhook_delivery_line_order ON webhook_delivery (subscription_id, line_id, state, line_event_number, id);
DROP INDEX ix_webhook_delivery_line;
CREATE INDEX ix_outbox_event_line_waiting ON outbox_event (line_id, published_at, line_event_number);
