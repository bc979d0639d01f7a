-- Each assigned department's evaluation: adopted, partly adopted, kept for reference or not adopted, with the reasoned reply
-- the submitter reads.
ALTER TABLE suggestions_assignments ADD
    outcome NVARCHAR(30) NULL,
    reply NVARCHAR(4000) NULL,
    answered_by UNIQUEIDENTIFIER NULL,
    answered_at DATETIMEOFFSET(7) NULL;

-- Once every department has answered, the suggestion's outcome (the most favourable of theirs), and the submitter's rating of
-- the replies (满意 / 基本满意 / 不满意), given once through the tracking code and secret.
ALTER TABLE suggestions_suggestions ADD
    outcome NVARCHAR(30) NULL,
    answered_at DATETIMEOFFSET(7) NULL,
    rating NVARCHAR(30) NULL,
    rating_comment NVARCHAR(1000) NULL,
    rated_at DATETIMEOFFSET(7) NULL;
