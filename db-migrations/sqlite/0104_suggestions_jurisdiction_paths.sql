-- A district's or town's suggestion worklist reads the suggestions of its subtree newest first from an index on the stored
-- district or town path, as intake's worklist does (0012_intake_jurisdiction_paths), instead of walking every suggestion
-- newest first and keeping those whose region path starts with its own: at 500,000 suggestions a district's first page
-- passed thousands of other districts' (see docs/performance.md). A region path is /city/district/town/village/: the
-- district path is its prefix up to the third slash, the town path up to the fourth (null when the region lies above that
-- level). Status and channel in the index filter the page without reading the wide suggestion row; with a status asked
-- for, the page is a range of the path and status, since the newest of a subtree are mostly of one status (just
-- submitted) and walking past them to the valid ones read thousands of entries.
ALTER TABLE suggestions_suggestions ADD COLUMN district_path TEXT NULL;
ALTER TABLE suggestions_suggestions ADD COLUMN town_path TEXT NULL;

WITH paths AS MATERIALIZED (
    SELECT region_path AS path, instr(substr(region_path, 2), '/') + 1 AS second_slash
    FROM (SELECT DISTINCT region_path FROM suggestions_suggestions)
),
third AS MATERIALIZED (
    SELECT path, second_slash + instr(substr(path, second_slash + 1), '/') AS third_slash, instr(substr(path, second_slash + 1), '/') > 0 AS has_third
    FROM paths
),
ancestors AS MATERIALIZED (
    SELECT path,
           CASE WHEN has_third THEN substr(path, 1, third_slash) END AS district_path,
           CASE WHEN has_third AND instr(substr(path, third_slash + 1), '/') > 0
                THEN substr(path, 1, third_slash + instr(substr(path, third_slash + 1), '/')) END AS town_path
    FROM third
)
UPDATE suggestions_suggestions
SET district_path = ancestors.district_path, town_path = ancestors.town_path
FROM ancestors
WHERE ancestors.path = suggestions_suggestions.region_path;

CREATE INDEX ix_suggestions_suggestions_district_worklist ON suggestions_suggestions (district_path, submitted_at, id, status, channel);
CREATE INDEX ix_suggestions_suggestions_town_worklist ON suggestions_suggestions (town_path, submitted_at, id, status, channel);
CREATE INDEX ix_suggestions_suggestions_district_status_worklist ON suggestions_suggestions (district_path, status, submitted_at, id, channel);
CREATE INDEX ix_suggestions_suggestions_town_status_worklist ON suggestions_suggestions (town_path, status, submitted_at, id, channel);
