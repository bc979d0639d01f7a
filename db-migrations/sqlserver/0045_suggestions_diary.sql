-- The people's-sentiment diary 民情日记: village and town cadres log household visits and 民情微群 messages; similar open
-- entries of one village are grouped into one kind of matter 同类事项, and an entry or a matter becomes a petition (through
-- intake's contract, kept here only as its id and number) or a suggestion of this module.
CREATE TABLE suggestions_diary_matters (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    title NVARCHAR(200) NOT NULL,
    category NVARCHAR(40) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    entry_count INT NOT NULL,
    household_count INT NOT NULL,
    created_by UNIQUEIDENTIFIER NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    petition_id UNIQUEIDENTIFIER NULL,
    petition_number NVARCHAR(200) NULL,
    suggestion_id UNIQUEIDENTIFIER NULL REFERENCES suggestions_suggestions (id),
    converted_at DATETIMEOFFSET(7) NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_suggestions_diary_matters_region_created ON suggestions_diary_matters (region_path, created_at, id);

CREATE TABLE suggestions_diary_entries (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    kind NVARCHAR(20) NOT NULL,
    source NVARCHAR(100) NULL,
    household NVARCHAR(50) NOT NULL,
    visited_on DATE NOT NULL,
    matter NVARCHAR(4000) NOT NULL,
    category NVARCHAR(40) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    text_signature NVARCHAR(256) NOT NULL,
    logged_by UNIQUEIDENTIFIER NULL,
    logged_by_name NVARCHAR(100) NULL,
    logged_at DATETIMEOFFSET(7) NOT NULL,
    matter_id UNIQUEIDENTIFIER NULL REFERENCES suggestions_diary_matters (id),
    petition_id UNIQUEIDENTIFIER NULL,
    petition_number NVARCHAR(200) NULL,
    suggestion_id UNIQUEIDENTIFIER NULL REFERENCES suggestions_suggestions (id),
    converted_at DATETIMEOFFSET(7) NULL,
    photo_file_name NVARCHAR(260) NULL,
    photo_content_type NVARCHAR(100) NULL,
    photo_size_bytes BIGINT NULL,
    photo_sha256 NVARCHAR(64) NULL,
    photo_storage_key NVARCHAR(200) NULL,
    version BIGINT NOT NULL
);

-- The diary list: a jurisdiction's entries, latest visit first.
CREATE INDEX ix_suggestions_diary_entries_region_visited ON suggestions_diary_entries (region_path, visited_on, id);
CREATE INDEX ix_suggestions_diary_entries_matter ON suggestions_diary_entries (matter_id);

-- MinHash band keys of the open entries only (neither grouped nor converted): grouping candidates are an index look-up
-- within one village and category, and an entry leaves this table when it is grouped or converted.
CREATE TABLE suggestions_diary_text_keys (
    region_id UNIQUEIDENTIFIER NOT NULL,
    category NVARCHAR(40) NOT NULL,
    band_key NVARCHAR(100) NOT NULL,
    entry_id UNIQUEIDENTIFIER NOT NULL REFERENCES suggestions_diary_entries (id),
    region_path NVARCHAR(400) NOT NULL,
    visited_on DATE NOT NULL,
    PRIMARY KEY (region_id, category, band_key, entry_id)
);

CREATE INDEX ix_suggestions_diary_text_keys_entry ON suggestions_diary_text_keys (entry_id);
CREATE INDEX ix_suggestions_diary_text_keys_region_path ON suggestions_diary_text_keys (region_path, visited_on);
