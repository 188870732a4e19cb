-- Deliveries are claimed per subscriber (a share of each claim for every subscriber with work due),
-- so the due index leads with the subscriber: finding each one's oldest due delivery, and walking
-- its due deliveries in order, are each one index range. The old index served the claim across
-- all subscribers, which nothing runs any more.
DROP INDEX ix_webhook_delivery_due;
CREATE INDEX ix_webhook_delivery_subscriber_due ON webhook_delivery (subscription_id, state, next_attempt_at, id);
