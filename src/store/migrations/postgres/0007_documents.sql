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
