-- Similar-text candidates while screening: each suggestion's MinHash signature (shared with intake's and the diary's) and its
-- band keys, so the suggestions like a new one are an index look-up within the screener's jurisdiction.
ALTER TABLE suggestions_suggestions ADD COLUMN text_signature TEXT NULL;

CREATE TABLE suggestions_text_keys (
    band_key TEXT NOT NULL,
    suggestion_id TEXT NOT NULL REFERENCES suggestions_suggestions (id),
    region_path TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (band_key, suggestion_id)
);

CREATE INDEX ix_suggestions_text_keys_suggestion ON suggestions_text_keys (suggestion_id);
