-- Access reviews (账号清单复核, SPEC R2): each sign-off names the run whose `access` outcomes hold
-- the account lists, so the next review compares against exactly what was signed.
CREATE TABLE access_reviews (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id        BIGINT  NOT NULL,
    reviewed_at   BIGINT  NOT NULL,
    reviewer      TEXT    NOT NULL,
    note          TEXT    NOT NULL DEFAULT ''
);

-- Accepted configuration baselines (配置基线): a row per acceptance, the newest per check and
-- host is the baseline a `drift` check compares with; the older rows are the audit record.
-- `snapshot` is the JSON of every path's metadata and masked text: no secret value is stored.
CREATE TABLE config_baselines (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    check_id      TEXT    NOT NULL,
    host          TEXT    NOT NULL DEFAULT '',
    snapshot      TEXT    NOT NULL,
    taken_at      BIGINT  NOT NULL,
    accepted_at   BIGINT  NOT NULL,
    accepted_by   TEXT    NOT NULL,
    ticket        TEXT    NOT NULL
);

CREATE INDEX config_baselines_current ON config_baselines (check_id, host, id);
