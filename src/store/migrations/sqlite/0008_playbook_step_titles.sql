-- The titles of a run's steps as the playbook named them when it ran (JSON object id → title),
-- so a drill or emergency summary names each step the way the plan did, even after the
-- playbook file has changed. NULL for runs recorded before.
ALTER TABLE playbook_runs ADD COLUMN step_titles TEXT;
