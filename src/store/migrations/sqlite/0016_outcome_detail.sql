-- Structured findings a probe keeps beside its metrics (a data check's rules, profiles and masked
-- samples), as JSON; '' when it keeps none.
ALTER TABLE outcomes ADD COLUMN detail TEXT NOT NULL DEFAULT '';
