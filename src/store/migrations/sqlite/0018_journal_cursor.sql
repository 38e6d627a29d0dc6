-- A log source read from the systemd journal resumes after the journal's own cursor: one row
-- per host and source (head_hash 'journal'), with the cursor here and no file.
ALTER TABLE log_cursors ADD COLUMN journal_cursor TEXT;
