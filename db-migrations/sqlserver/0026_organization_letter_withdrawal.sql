-- A responsibility letter recorded by mistake is withdrawn, not deleted: it stays listed with when, by whom and why, no
-- longer counts towards coverage, and the two regions may sign that year's letter again.
ALTER TABLE org_responsibility_letters ADD
    withdrawn_at DATETIMEOFFSET(7) NULL,
    withdrawn_by UNIQUEIDENTIFIER NULL,
    withdrawal_reason NVARCHAR(500) NULL;
GO

DROP INDEX ux_org_responsibility_letters_pair ON org_responsibility_letters;
CREATE UNIQUE INDEX ux_org_responsibility_letters_pair ON org_responsibility_letters (year, issuing_region_id, receiving_region_id) WHERE withdrawn_at IS NULL;
