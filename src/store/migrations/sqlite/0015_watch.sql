-- `znode watch` (SPEC R3, 重保). Times are epoch ms UTC.
-- One alert state machine per check and host (subject: `check` or `check@host`, `host:NAME`
-- for a host that cannot be reached). The watcher writes every column but the
-- acknowledgement, which `znode alert ack` writes and a resolution clears.
CREATE TABLE watch_alerts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    subject       TEXT    NOT NULL UNIQUE,
    check_id      TEXT    NOT NULL,
    host          TEXT,
    system        TEXT,
    title         TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    phase         TEXT    NOT NULL,            -- ok | pending | firing | recovering
    level         TEXT    NOT NULL,            -- the problem's status
    status        TEXT    NOT NULL,            -- the last result's status
    summary       TEXT    NOT NULL,
    fails         BIGINT  NOT NULL,
    passes        BIGINT  NOT NULL,
    since         BIGINT,
    history       BIGINT  NOT NULL,            -- last results, newest in bit 0, 1 = problem
    seen          BIGINT  NOT NULL,
    flapping      BIGINT  NOT NULL,
    notified      TEXT,                        -- the level receivers were told; NULL: all clear
    flap_notified BIGINT  NOT NULL,
    fired_at      BIGINT,
    last_sent     BIGINT,
    tier          BIGINT  NOT NULL,
    hold          TEXT,                        -- what holds its notices back, for display
    checked_at    BIGINT  NOT NULL,
    duration_ms   BIGINT  NOT NULL,
    acked_by      TEXT,
    acked_at      BIGINT,
    ack_note      TEXT
);

-- What happened to alerts: fired, changed level, reminded, escalated, resolved, flapping,
-- acknowledged, held back; message_id is the outbox row of the message sent, if any.
CREATE TABLE watch_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            BIGINT  NOT NULL,
    subject       TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    event         TEXT    NOT NULL,
    level         TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    detail        TEXT,
    message_id    BIGINT
);

CREATE INDEX watch_events_at ON watch_events (at);
CREATE INDEX watch_events_subject ON watch_events (subject, at);

-- Silences: alerts whose labels match are not sent while it lasts (recoveries still are).
CREATE TABLE silences (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    matcher       TEXT    NOT NULL,
    starts_at     BIGINT  NOT NULL,
    ends_at       BIGINT  NOT NULL,
    reason        TEXT    NOT NULL,
    author        TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    expired_at    BIGINT
);

-- Results of watched checks per UTC hour (the status page's bars and uptime).
CREATE TABLE watch_hours (
    subject       TEXT    NOT NULL,
    hour          BIGINT  NOT NULL,            -- epoch ms / 3600000
    check_id      TEXT    NOT NULL,
    host          TEXT,
    ok            BIGINT  NOT NULL,
    warn          BIGINT  NOT NULL,
    crit          BIGINT  NOT NULL,
    unknown       BIGINT  NOT NULL,
    duration_ms   BIGINT  NOT NULL,            -- sum over the results
    PRIMARY KEY (subject, hour)
);

CREATE INDEX watch_hours_hour ON watch_hours (hour);

-- One row per watcher process: when it started, its last heartbeat, when it stopped.
CREATE TABLE watch_sessions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at    BIGINT  NOT NULL,
    beat_at       BIGINT  NOT NULL,
    stopped_at    BIGINT,
    pid           BIGINT  NOT NULL,
    machine       TEXT    NOT NULL,
    profile       TEXT    NOT NULL,
    until_at      BIGINT,
    checks        BIGINT  NOT NULL
);
