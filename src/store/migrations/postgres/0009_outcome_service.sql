-- Whether an outcome's check is a service probe (a CRIT means the system is not serving), so
-- the availability roll-up reads it from the outcome instead of knowing the probe kinds.
-- Runs closed before this were rolled up already; only runs still open need the flag.
ALTER TABLE outcomes ADD COLUMN service BIGINT NOT NULL DEFAULT 0;
UPDATE outcomes SET service = 1
 WHERE kind IN ('tcp', 'http', 'process', 'listen', 'postgres', 'mysql', 'redis', 'rabbitmq', 'nginx', 'tomcat', 'elasticsearch')
   AND run_id IN (SELECT id FROM runs WHERE state = 'running');
