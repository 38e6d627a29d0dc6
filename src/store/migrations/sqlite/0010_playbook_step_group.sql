-- The process group of a command step, on its `spawn` journal event: a step's command runs in
-- a group of its own and can outlive znode (kill -9, a lost terminal); `playbook resume`
-- refuses to run the step again while that group is alive.
ALTER TABLE playbook_events ADD COLUMN pgid BIGINT;
