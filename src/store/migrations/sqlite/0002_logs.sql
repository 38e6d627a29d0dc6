-- Log engine state. Times are epoch milliseconds UTC.

-- Where incremental scans stopped: a file is known by the hash of its first bytes (it survives
-- logrotate's renames and compression), the inode only breaks ties for very short heads.
CREATE TABLE log_cursors (
    source        TEXT    NOT NULL,
    head_hash     TEXT    NOT NULL,
    head_len      BIGINT  NOT NULL,
    inode         BIGINT  NOT NULL,
    path          TEXT    NOT NULL,
    offset_bytes  BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    PRIMARY KEY (source, head_hash)
);

-- Values audit rules with `new:` have seen (user / source address...).
CREATE TABLE log_known (
    source        TEXT    NOT NULL,
    rule          TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    first_seen    BIGINT  NOT NULL,
    last_seen     BIGINT  NOT NULL,
    PRIMARY KEY (source, rule, value)
);

-- Error-line templates mined by `logs top`, so a later run can say which are new.
CREATE TABLE log_templates (
    source        TEXT    NOT NULL,
    template_hash TEXT    NOT NULL,
    template      TEXT    NOT NULL,
    sample        TEXT    NOT NULL,
    first_seen    BIGINT,
    last_seen     BIGINT,
    total         BIGINT  NOT NULL,
    scans         BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    PRIMARY KEY (source, template_hash)
);
