-- Playbook runs and their journals, and the outbox of messages waiting for a channel.
-- Times are epoch milliseconds UTC.
CREATE TABLE playbook_runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    playbook      TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    mode          TEXT    NOT NULL,            -- run | drill
    state         TEXT    NOT NULL,            -- running | paused | finished | failed
    operator      TEXT    NOT NULL,
    variables     TEXT    NOT NULL,            -- JSON object
    started_at    BIGINT  NOT NULL,
    finished_at   BIGINT,
    evaluation    TEXT,                        -- a drill's evaluation
    host          TEXT    NOT NULL,
    pid           BIGINT  NOT NULL
);

-- One row per thing that happened, written before the engine moves on.
CREATE TABLE playbook_events (
    run_id        BIGINT  NOT NULL REFERENCES playbook_runs(id) ON DELETE CASCADE,
    seq           BIGINT  NOT NULL,
    at            BIGINT  NOT NULL,
    step          TEXT,
    phase         TEXT,
    event         TEXT    NOT NULL,            -- start | finish | fail | confirm | decision | output | pause | resume | note | end
    operator      TEXT    NOT NULL,
    next_step     TEXT,                        -- where a finished step leads
    detail        TEXT    NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE notify_outbox (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at    BIGINT  NOT NULL,
    channel       TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    source        TEXT    NOT NULL,            -- e.g. playbook run 12 step notify-depts
    state         TEXT    NOT NULL             -- queued | sent | failed
);
