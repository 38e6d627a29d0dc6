-- Every report document znode wrote: the 考核 counts documents handed in late from these.
-- Times are epoch milliseconds UTC.
CREATE TABLE documents (
    kind          TEXT    NOT NULL,            -- weekly | monthly | quarterly | half-year | inspection | incident | drill | sync
    period        TEXT    NOT NULL,            -- 2026-11, 2026-W47, 2026-Q4, 2026-H2, or the subject's id
    generated_at  BIGINT  NOT NULL,
    format        TEXT    NOT NULL,
    path          TEXT    NOT NULL
);

CREATE INDEX documents_kind ON documents (kind, period);
CREATE INDEX runs_command ON runs (command, started_at);

-- Roll-ups written when a run closes (Store::finish_run), so that a period report reads
-- thousands of rows instead of the millions of outcomes a year of inspections holds.
-- Per UTC hour of the run's start, check and effective status: how many runs, the first and last.
CREATE TABLE outcome_hours (
    hour          BIGINT  NOT NULL,            -- the run's started_at / 3600000
    check_id      TEXT    NOT NULL,
    effective     TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    system        TEXT,
    kind          TEXT    NOT NULL,
    runs          BIGINT  NOT NULL,
    first_run     BIGINT  NOT NULL,
    last_run      BIGINT  NOT NULL,
    PRIMARY KEY (hour, check_id, effective)
);

-- Per run and system with service checks: whether one of them was CRIT (availability, MTBF).
CREATE TABLE run_systems (
    run_id        BIGINT  NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    started_at    BIGINT  NOT NULL,
    system        TEXT    NOT NULL,
    down          BIGINT  NOT NULL,
    PRIMARY KEY (run_id, system)
);

CREATE INDEX run_systems_started ON run_systems (started_at);

-- The history so far. The service kinds are the probe registry's as of this migration.
INSERT INTO outcome_hours (hour, check_id, effective, title, category, system, kind, runs, first_run, last_run)
SELECT r.started_at / 3600000, o.check_id, o.effective, MAX(o.title), MAX(o.category), MAX(o.system), MAX(o.kind),
       COUNT(*), MIN(o.run_id), MAX(o.run_id)
FROM runs r JOIN outcomes o ON o.run_id = r.id
WHERE r.state <> 'running'
GROUP BY r.started_at / 3600000, o.check_id, o.effective;

INSERT INTO run_systems (run_id, started_at, system, down)
SELECT r.id, r.started_at, o.system, MAX(CASE WHEN o.effective = 'CRIT' THEN 1 ELSE 0 END)
FROM runs r JOIN outcomes o ON o.run_id = r.id
WHERE r.state <> 'running' AND o.system IS NOT NULL
  AND o.kind IN ('tcp', 'http', 'process', 'listen', 'postgres', 'mysql', 'redis', 'nginx', 'rabbitmq', 'elasticsearch', 'tomcat')
GROUP BY r.id, r.started_at, o.system;

-- Queued messages keep what a retry needs: the title, an e-mail's HTML body, the attached file.
ALTER TABLE notify_outbox ADD COLUMN title TEXT;
ALTER TABLE notify_outbox ADD COLUMN html TEXT;
ALTER TABLE notify_outbox ADD COLUMN attachment TEXT;
