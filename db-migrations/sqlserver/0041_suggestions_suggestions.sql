-- Suggestions from the public (online, on a topic or unprompted), registered by staff from letters and visits, or opened from
-- a petition converted to a suggestion. The submitter's name and phone are optional; the phone is encrypted, hashed and
-- masked as a petitioner's is. The tracking secret is stored only as its hash.
CREATE TABLE suggestions_suggestions (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    tracking_code NVARCHAR(20) NOT NULL,
    tracking_secret_hash NVARCHAR(64) NULL,
    status NVARCHAR(20) NOT NULL,
    channel NVARCHAR(20) NOT NULL,
    topic_id UNIQUEIDENTIFIER NULL REFERENCES suggestions_topics (id),
    topic_title NVARCHAR(200) NULL,
    title NVARCHAR(200) NOT NULL,
    content NVARCHAR(MAX) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    submitter_name NVARCHAR(50) NULL,
    phone_cipher NVARCHAR(400) NULL,
    phone_hash NVARCHAR(64) NULL,
    phone_masked NVARCHAR(20) NULL,
    petition_id UNIQUEIDENTIFIER NULL,
    petition_number NVARCHAR(200) NULL,
    screening_reason NVARCHAR(2000) NULL,
    duplicate_of_id UNIQUEIDENTIFIER NULL REFERENCES suggestions_suggestions (id),
    screened_by UNIQUEIDENTIFIER NULL,
    screened_at DATETIMEOFFSET(7) NULL,
    registered_by UNIQUEIDENTIFIER NULL,
    submitted_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE UNIQUE INDEX ux_suggestions_suggestions_tracking_code ON suggestions_suggestions (tracking_code);
-- The worklist: a jurisdiction's suggestions newest first, with or without a status.
CREATE INDEX ix_suggestions_suggestions_region_submitted ON suggestions_suggestions (region_path, submitted_at, id);
CREATE INDEX ix_suggestions_suggestions_status_submitted ON suggestions_suggestions (status, submitted_at, id);
CREATE INDEX ix_suggestions_suggestions_topic ON suggestions_suggestions (topic_id, submitted_at);
CREATE INDEX ix_suggestions_suggestions_petition ON suggestions_suggestions (petition_id);
