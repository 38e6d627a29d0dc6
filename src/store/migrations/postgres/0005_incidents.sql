-- Incidents and support requests (SPEC R9): their clocks and updates. Times are epoch ms UTC.
CREATE TABLE incidents (
    id            BIGSERIAL PRIMARY KEY,
    kind          TEXT    NOT NULL,            -- 咨询 | 故障 | 专项任务 | 数据统计 | 投诉
    severity      TEXT    NOT NULL,            -- 一般 | 较大 | 重大 | 特别重大
    system        TEXT,
    title         TEXT    NOT NULL,
    reporter      TEXT    NOT NULL,
    assignee      TEXT,
    source_check  TEXT,                        -- the check that opened it (inspect --open-incidents)
    opened_at     BIGINT  NOT NULL,
    acked_at      BIGINT,
    restored_at   BIGINT,
    closed_at     BIGINT
);

CREATE TABLE incident_updates (
    incident_id   BIGINT  NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    at            BIGINT  NOT NULL,
    author        TEXT    NOT NULL,
    event         TEXT    NOT NULL,            -- open | ack | note | restore | close
    text          TEXT    NOT NULL
);

CREATE INDEX incidents_opened ON incidents (opened_at);
