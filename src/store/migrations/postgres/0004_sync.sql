-- Version-sync releases (SPEC R5): the ten steps, the rollback plan, key users' sign-offs.
CREATE TABLE sync_releases (
    id            BIGSERIAL PRIMARY KEY,
    version       TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    operator      TEXT    NOT NULL,
    opened_at     BIGINT  NOT NULL,
    closed_at     BIGINT,
    rollback_plan TEXT,
    rollback_at   BIGINT
);

CREATE TABLE sync_steps (
    release_id    BIGINT  NOT NULL REFERENCES sync_releases(id) ON DELETE CASCADE,
    step          BIGINT  NOT NULL,
    state         TEXT    NOT NULL,            -- done | failed
    at            BIGINT  NOT NULL,
    operator      TEXT    NOT NULL,
    note          TEXT    NOT NULL,
    playbook_run  BIGINT,
    PRIMARY KEY (release_id, step)
);

CREATE TABLE sync_signoffs (
    release_id    BIGINT  NOT NULL REFERENCES sync_releases(id) ON DELETE CASCADE,
    user_name     TEXT    NOT NULL,
    at            BIGINT  NOT NULL,
    comment       TEXT    NOT NULL
);
