-- The summary in English (`--lang en`); '' when it reads the same as the Chinese one.
ALTER TABLE outcomes ADD COLUMN summary_en TEXT NOT NULL DEFAULT '';
