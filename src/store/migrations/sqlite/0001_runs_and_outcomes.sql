-- Inspection runs and the outcome of every check in them. Times are epoch milliseconds UTC.
CREATE TABLE runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    node          TEXT    NOT NULL,
    command       TEXT    NOT NULL,
    started_at    BIGINT  NOT NULL,
    finished_at   BIGINT,
    state         TEXT    NOT NULL,            -- running | finished | interrupted
    status        TEXT,                        -- worst effective status once finished
    planned       BIGINT  NOT NULL,
    disabled      BIGINT  NOT NULL,            -- selected checks with enabled: false
    filters       TEXT    NOT NULL,            -- JSON of the selection
    version       TEXT    NOT NULL,
    host          TEXT    NOT NULL,
    pid           BIGINT  NOT NULL
);

CREATE TABLE outcomes (
    run_id        BIGINT  NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    check_id      TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    item          BIGINT,
    system        TEXT,
    target        TEXT,
    kind          TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    effective     TEXT    NOT NULL,            -- status after waivers
    summary       TEXT    NOT NULL,
    primary_key   TEXT,
    metrics       TEXT    NOT NULL,            -- JSON array of {name,label,value,unit}
    evidence      TEXT    NOT NULL,            -- JSON array of strings
    duration_ms   BIGINT  NOT NULL,
    attempts      BIGINT  NOT NULL,
    flaky         BIGINT  NOT NULL,
    waiver        TEXT,                        -- JSON {reason,expires,expired} or NULL
    finished_at   BIGINT  NOT NULL,
    PRIMARY KEY (run_id, check_id)
);

CREATE INDEX outcomes_check ON outcomes (check_id, run_id);
CREATE INDEX runs_started ON runs (started_at);
