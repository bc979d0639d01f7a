-- An adopted (or partly adopted) suggestion followed to implementation, with the outcome published to the public, and the
-- excellent suggestions 优秀建议 awarded with the citation shown publicly.
ALTER TABLE suggestions_suggestions ADD
    implementation NVARCHAR(4000) NULL,
    implemented_by UNIQUEIDENTIFIER NULL,
    implemented_at DATETIMEOFFSET(7) NULL,
    award NVARCHAR(1000) NULL,
    awarded_by UNIQUEIDENTIFIER NULL,
    awarded_at DATETIMEOFFSET(7) NULL;
GO

-- The public pages: adopted suggestions newest answer first, and the awarded ones newest award first.
CREATE INDEX ix_suggestions_suggestions_outcome_answered ON suggestions_suggestions (outcome, answered_at, id);
CREATE INDEX ix_suggestions_suggestions_awarded ON suggestions_suggestions (awarded_at, id);
