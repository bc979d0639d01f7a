-- The people's-sentiment diary 民情日记: village and town cadres log household visits and 民情微群 messages; similar open
-- entries of one village are grouped into one kind of matter 同类事项, and an entry or a matter becomes a petition (through
-- intake's contract, kept here only as its id and number) or a suggestion of this module.
CREATE TABLE suggestions_diary_matters (
    id TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    entry_count INTEGER NOT NULL,
    household_count INTEGER NOT NULL,
    created_by TEXT NULL,
    created_at TEXT NOT NULL,
    petition_id TEXT NULL,
    petition_number TEXT NULL,
    suggestion_id TEXT NULL REFERENCES suggestions_suggestions (id),
    converted_at TEXT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_suggestions_diary_matters_region_created ON suggestions_diary_matters (region_path, created_at, id);

CREATE TABLE suggestions_diary_entries (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    source TEXT NULL,
    household TEXT NOT NULL,
    visited_on TEXT NOT NULL,
    matter TEXT NOT NULL,
    category TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    text_signature TEXT NOT NULL,
    logged_by TEXT NULL,
    logged_by_name TEXT NULL,
    logged_at TEXT NOT NULL,
    matter_id TEXT NULL REFERENCES suggestions_diary_matters (id),
    petition_id TEXT NULL,
    petition_number TEXT NULL,
    suggestion_id TEXT NULL REFERENCES suggestions_suggestions (id),
    converted_at TEXT NULL,
    photo_file_name TEXT NULL,
    photo_content_type TEXT NULL,
    photo_size_bytes INTEGER NULL,
    photo_sha256 TEXT NULL,
    photo_storage_key TEXT NULL,
    version INTEGER NOT NULL
);

-- The diary list: a jurisdiction's entries, latest visit first.
CREATE INDEX ix_suggestions_diary_entries_region_visited ON suggestions_diary_entries (region_path, visited_on, id);
CREATE INDEX ix_suggestions_diary_entries_matter ON suggestions_diary_entries (matter_id);

-- MinHash band keys of the open entries only (neither grouped nor converted): grouping candidates are an index look-up
-- within one village and category, and an entry leaves this table when it is grouped or converted.
CREATE TABLE suggestions_diary_text_keys (
    region_id TEXT NOT NULL,
    category TEXT NOT NULL,
    band_key TEXT NOT NULL,
    entry_id TEXT NOT NULL REFERENCES suggestions_diary_entries (id),
    region_path TEXT NOT NULL,
    visited_on TEXT NOT NULL,
    PRIMARY KEY (region_id, category, band_key, entry_id)
);

CREATE INDEX ix_suggestions_diary_text_keys_entry ON suggestions_diary_text_keys (entry_id);
CREATE INDEX ix_suggestions_diary_text_keys_region_path ON suggestions_diary_text_keys (region_path, visited_on);
