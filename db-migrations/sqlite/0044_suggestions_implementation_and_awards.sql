-- An adopted (or partly adopted) suggestion followed to implementation, with the outcome published to the public, and the
-- excellent suggestions 优秀建议 awarded with the citation shown publicly.
ALTER TABLE suggestions_suggestions ADD COLUMN implementation TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN implemented_by TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN implemented_at TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN award TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN awarded_by TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN awarded_at TEXT NULL;

-- The public pages: adopted suggestions newest answer first, and the awarded ones newest award first.
CREATE INDEX ix_suggestions_suggestions_outcome_answered ON suggestions_suggestions (outcome, answered_at, id);
CREATE INDEX ix_suggestions_suggestions_awarded ON suggestions_suggestions (awarded_at, id);
