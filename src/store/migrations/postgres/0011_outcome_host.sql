-- The host an outcome was observed on ('' for the jump host) and whether it was reached at all.
-- A check now has one outcome per host in a run, so the host joins the primary key; SQLite
-- cannot change a primary key in place, so the table is copied.
CREATE TABLE outcomes_new (
    run_id        BIGINT  NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    check_id      TEXT    NOT NULL,
    host          TEXT    NOT NULL DEFAULT '',
    title         TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    item          BIGINT,
    system        TEXT,
    target        TEXT,
    kind          TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    effective     TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    primary_key   TEXT,
    metrics       TEXT    NOT NULL,
    evidence      TEXT    NOT NULL,
    duration_ms   BIGINT  NOT NULL,
    attempts      BIGINT  NOT NULL,
    flaky         BIGINT  NOT NULL,
    waiver        TEXT,
    finished_at   BIGINT  NOT NULL,
    service       BIGINT  NOT NULL DEFAULT 0,
    unreached     BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, check_id, host)
);
INSERT INTO outcomes_new (run_id, check_id, title, category, item, system, target, kind, status, effective,
    summary, primary_key, metrics, evidence, duration_ms, attempts, flaky, waiver, finished_at, service)
SELECT run_id, check_id, title, category, item, system, target, kind, status, effective,
    summary, primary_key, metrics, evidence, duration_ms, attempts, flaky, waiver, finished_at, service
FROM outcomes;
DROP TABLE outcomes;
ALTER TABLE outcomes_new RENAME TO outcomes;
CREATE INDEX outcomes_check ON outcomes (check_id, run_id);
