-- A district's or town's worklist reads the petitions of its subtree newest first from an index on the stored
-- district or town path, instead of walking every petition and keeping those whose region path starts with its own.
-- A region path is /city/district/town/village/: the district path is its prefix up to the third slash, the town
-- path up to the fourth (null when the region lies above that level).
ALTER TABLE intake_petitions ADD COLUMN district_path TEXT NULL;
ALTER TABLE intake_petitions ADD COLUMN town_path TEXT NULL;

WITH paths AS MATERIALIZED (
    SELECT region_path AS path, instr(substr(region_path, 2), '/') + 1 AS second_slash
    FROM (SELECT DISTINCT region_path FROM intake_petitions)
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
UPDATE intake_petitions
SET district_path = ancestors.district_path, town_path = ancestors.town_path
FROM ancestors
WHERE ancestors.path = intake_petitions.region_path;

CREATE INDEX ix_intake_petitions_district_worklist ON intake_petitions (district_path, received_at, id, status);
CREATE INDEX ix_intake_petitions_town_worklist ON intake_petitions (town_path, received_at, id, status);
