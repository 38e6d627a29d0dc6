-- What people record about the service that no probe can see (SPEC R6, R9): satisfaction
-- surveys, training sessions, business-operation work (编目挂接, 数据质量, 共享交换, ...),
-- 重保 periods and drill reviews. Times are epoch ms UTC; `detail` is the kind's JSON object.
CREATE TABLE service_records (
    id            BIGSERIAL PRIMARY KEY,
    kind          TEXT    NOT NULL,            -- satisfaction | training | operation | guard | drill-review
    started_at    BIGINT  NOT NULL,
    ended_at      BIGINT,
    subject       TEXT,                        -- the operation type, or the playbook run reviewed
    title         TEXT    NOT NULL,
    detail        TEXT    NOT NULL,
    author        TEXT    NOT NULL,
    recorded_at   BIGINT  NOT NULL
);

CREATE INDEX service_records_kind ON service_records (kind, started_at);
