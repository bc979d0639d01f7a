-- Suggestions from the public (online, on a topic or unprompted), registered by staff from letters and visits, or opened from
-- a petition converted to a suggestion. The submitter's name and phone are optional; the phone is encrypted, hashed and
-- masked as a petitioner's is. The tracking secret is stored only as its hash.
CREATE TABLE suggestions_suggestions (
    id TEXT NOT NULL PRIMARY KEY,
    tracking_code TEXT NOT NULL,
    tracking_secret_hash TEXT NULL,
    status TEXT NOT NULL,
    channel TEXT NOT NULL,
    topic_id TEXT NULL REFERENCES suggestions_topics (id),
    topic_title TEXT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    submitter_name TEXT NULL,
    phone_cipher TEXT NULL,
    phone_hash TEXT NULL,
    phone_masked TEXT NULL,
    petition_id TEXT NULL,
    petition_number TEXT NULL,
    screening_reason TEXT NULL,
    duplicate_of_id TEXT NULL REFERENCES suggestions_suggestions (id),
    screened_by TEXT NULL,
    screened_at TEXT NULL,
    registered_by TEXT NULL,
    submitted_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_suggestions_suggestions_tracking_code ON suggestions_suggestions (tracking_code);
-- The worklist: a jurisdiction's suggestions newest first, with or without a status.
CREATE INDEX ix_suggestions_suggestions_region_submitted ON suggestions_suggestions (region_path, submitted_at, id);
CREATE INDEX ix_suggestions_suggestions_status_submitted ON suggestions_suggestions (status, submitted_at, id);
CREATE INDEX ix_suggestions_suggestions_topic ON suggestions_suggestions (topic_id, submitted_at);
CREATE INDEX ix_suggestions_suggestions_petition ON suggestions_suggestions (petition_id);
