-- Each assigned department's evaluation: adopted, partly adopted, kept for reference or not adopted, with the reasoned reply
-- the submitter reads.
ALTER TABLE suggestions_assignments ADD COLUMN outcome TEXT NULL;
ALTER TABLE suggestions_assignments ADD COLUMN reply TEXT NULL;
ALTER TABLE suggestions_assignments ADD COLUMN answered_by TEXT NULL;
ALTER TABLE suggestions_assignments ADD COLUMN answered_at TEXT NULL;

-- Once every department has answered, the suggestion's outcome (the most favourable of theirs), and the submitter's rating of
-- the replies (满意 / 基本满意 / 不满意), given once through the tracking code and secret.
ALTER TABLE suggestions_suggestions ADD COLUMN outcome TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN answered_at TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN rating TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN rating_comment TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN rated_at TEXT NULL;
