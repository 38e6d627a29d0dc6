-- Delivery attempts of queued messages: a failed send stays queued for `znode notify flush`.
ALTER TABLE notify_outbox ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE notify_outbox ADD COLUMN last_error TEXT;
ALTER TABLE notify_outbox ADD COLUMN sent_at BIGINT;
