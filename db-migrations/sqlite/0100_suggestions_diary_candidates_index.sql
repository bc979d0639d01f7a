-- A diary entry's grouping candidates are the open entries of its village and category sharing a band key, visited within
-- the grouping window. The primary key finds the band key's rows but not their visit dates, so each of them (about 400
-- per entry at 1,000,000 entries: see docs/performance.md) was read from the table to check the window; with the date and
-- the entry in this index the look-up reads the index only, and only the window's rows.
CREATE INDEX ix_suggestions_diary_text_keys_candidates ON suggestions_diary_text_keys (region_id, category, band_key, visited_on, entry_id);
