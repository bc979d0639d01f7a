-- A responsibility letter recorded by mistake is withdrawn, not deleted: it stays listed with when, by whom and why, no
-- longer counts towards coverage, and the two regions may sign that year's letter again.
ALTER TABLE org_responsibility_letters ADD COLUMN withdrawn_at TEXT NULL;
ALTER TABLE org_responsibility_letters ADD COLUMN withdrawn_by TEXT NULL;
ALTER TABLE org_responsibility_letters ADD COLUMN withdrawal_reason TEXT NULL;

DROP INDEX ux_org_responsibility_letters_pair;
CREATE UNIQUE INDEX ux_org_responsibility_letters_pair ON org_responsibility_letters (year, issuing_region_id, receiving_region_id) WHERE withdrawn_at IS NULL;
