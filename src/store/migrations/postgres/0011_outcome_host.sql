-- The host an outcome was observed on ('' for the jump host) and whether it was reached at all.
-- A check now has one outcome per host in a run, so the host joins the primary key.
ALTER TABLE outcomes ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE outcomes ADD COLUMN unreached BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcomes DROP CONSTRAINT outcomes_pkey;
ALTER TABLE outcomes ADD PRIMARY KEY (run_id, check_id, host);
