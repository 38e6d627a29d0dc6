-- Log state per host ('' for the jump host): a source on several hosts has its own files,
-- cursors and known values on each. The host joins the primary keys; SQLite cannot change a
-- primary key in place, so the tables are copied.
CREATE TABLE log_cursors_new (
    host          TEXT    NOT NULL DEFAULT '',
    source        TEXT    NOT NULL,
    head_hash     TEXT    NOT NULL,
    head_len      BIGINT  NOT NULL,
    inode         BIGINT  NOT NULL,
    path          TEXT    NOT NULL,
    offset_bytes  BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    PRIMARY KEY (host, source, head_hash)
);
INSERT INTO log_cursors_new (source, head_hash, head_len, inode, path, offset_bytes, updated_at)
SELECT source, head_hash, head_len, inode, path, offset_bytes, updated_at FROM log_cursors;
DROP TABLE log_cursors;
ALTER TABLE log_cursors_new RENAME TO log_cursors;

CREATE TABLE log_known_new (
    host          TEXT    NOT NULL DEFAULT '',
    source        TEXT    NOT NULL,
    rule          TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    first_seen    BIGINT  NOT NULL,
    last_seen     BIGINT  NOT NULL,
    PRIMARY KEY (host, source, rule, value)
);
INSERT INTO log_known_new (source, rule, value, first_seen, last_seen)
SELECT source, rule, value, first_seen, last_seen FROM log_known;
DROP TABLE log_known;
ALTER TABLE log_known_new RENAME TO log_known;
