-- Similar-text candidates while screening: each suggestion's MinHash signature (shared with intake's and the diary's) and its
-- band keys, so the suggestions like a new one are an index look-up within the screener's jurisdiction.
ALTER TABLE suggestions_suggestions ADD text_signature NVARCHAR(256) NULL;

CREATE TABLE suggestions_text_keys (
    band_key NVARCHAR(100) NOT NULL,
    suggestion_id UNIQUEIDENTIFIER NOT NULL REFERENCES suggestions_suggestions (id),
    region_path NVARCHAR(400) NOT NULL,
    submitted_at DATETIMEOFFSET(7) NOT NULL,
    PRIMARY KEY (band_key, suggestion_id)
);

CREATE INDEX ix_suggestions_text_keys_suggestion ON suggestions_text_keys (suggestion_id);
