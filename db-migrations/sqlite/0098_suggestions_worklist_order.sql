-- The reviewer's worklist reads the latest submitted first and filters by the caller's region subtree with LIKE, which
-- cannot seek (region_path, submitted_at): SQLite scanned and sorted every suggestion for each page (500,000 suggestions:
-- see docs/performance.md). Walking (submitted_at, id) in order stops after a page; with a status asked for, the list
-- walks that status's entries from its newest. The region path (and status, channel) in both skip the rows of other
-- jurisdictions without reading the wide suggestion row. The status index supersedes the one on (status, submitted_at, id).
CREATE INDEX ix_suggestions_suggestions_worklist ON suggestions_suggestions (submitted_at, id, region_path, status, channel);
DROP INDEX ix_suggestions_suggestions_status_submitted;
CREATE INDEX ix_suggestions_suggestions_status_worklist ON suggestions_suggestions (status, submitted_at, id, region_path, channel);
