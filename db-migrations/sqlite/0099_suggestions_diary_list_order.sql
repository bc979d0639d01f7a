-- The diary list reads the latest visits first and filters by the caller's region subtree with LIKE, which cannot seek
-- (region_path, visited_on): SQLite scanned and sorted every entry for each page (1,000,000 entries: see
-- docs/performance.md). Walking (visited_on, id) in order stops after a page; the region path in it skips the entries of
-- other jurisdictions without reading the entry.
CREATE INDEX ix_suggestions_diary_entries_list ON suggestions_diary_entries (visited_on, id, region_path);
