ALTER TABLE intake_petitions ADD COLUMN final_at TEXT NULL;
