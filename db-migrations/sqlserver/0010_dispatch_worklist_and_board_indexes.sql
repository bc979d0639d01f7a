-- The supervision board counted the open cases of the caller's region subtree on every request: at a million cases
-- the city's board took a third of a second, a district's a fifth. It now reads counters that every case change and
-- every light the deadline watcher changes keep right in the same transaction: per lead unit for each region that
-- contains the case's region (so a caller reads the rows of their own region only), and per region. A case without
-- a lead unit yet counts under the empty id (a key column cannot be null).
CREATE TABLE dispatch_board_unit_counts (
    scope_path NVARCHAR(400) NOT NULL,
    lead_unit_id UNIQUEIDENTIFIER NOT NULL,
    lead_unit_name NVARCHAR(200) NULL,
    open_cases INT NOT NULL,
    red INT NOT NULL,
    yellow INT NOT NULL,
    repeat_cases INT NOT NULL,
    skip_level INT NOT NULL,
    listed INT NOT NULL,
    PRIMARY KEY (scope_path, lead_unit_id)
);

CREATE TABLE dispatch_board_region_counts (
    region_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    open_cases INT NOT NULL,
    red INT NOT NULL,
    yellow INT NOT NULL,
    repeat_cases INT NOT NULL,
    skip_level INT NOT NULL,
    listed INT NOT NULL
);

-- Each open case once per region path that contains its own: /330600/, /330600/330602/, … down to its region.
WITH scopes (lead_unit_id, lead_unit_name, light, is_repeat, is_skip_level, is_listed, scope_path, rest) AS (
    SELECT COALESCE(lead_unit_id, CAST('00000000-0000-0000-0000-000000000000' AS UNIQUEIDENTIFIER)), lead_unit_name, light, is_repeat, is_skip_level, is_listed,
           CAST(N'/' AS NVARCHAR(400)), CAST(SUBSTRING(region_path, 2, 400) AS NVARCHAR(400))
    FROM dispatch_cases
    WHERE light <> 'None'
    UNION ALL
    SELECT lead_unit_id, lead_unit_name, light, is_repeat, is_skip_level, is_listed,
           CAST(scope_path + SUBSTRING(rest, 1, CHARINDEX('/', rest)) AS NVARCHAR(400)), CAST(SUBSTRING(rest, CHARINDEX('/', rest) + 1, 400) AS NVARCHAR(400))
    FROM scopes
    WHERE rest <> ''
)
INSERT INTO dispatch_board_unit_counts (scope_path, lead_unit_id, lead_unit_name, open_cases, red, yellow, repeat_cases, skip_level, listed)
SELECT scope_path, lead_unit_id, MAX(lead_unit_name), COUNT(*),
       SUM(CASE WHEN light = 'Red' THEN 1 ELSE 0 END),
       SUM(CASE WHEN light = 'Yellow' THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_repeat = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_skip_level = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_listed = 1 THEN 1 ELSE 0 END)
FROM scopes
WHERE scope_path <> '/'
GROUP BY scope_path, lead_unit_id;

INSERT INTO dispatch_board_region_counts (region_id, region_path, region_name, open_cases, red, yellow, repeat_cases, skip_level, listed)
SELECT region_id, MAX(region_path), MAX(region_name), COUNT(*),
       SUM(CASE WHEN light = 'Red' THEN 1 ELSE 0 END),
       SUM(CASE WHEN light = 'Yellow' THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_repeat = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_skip_level = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_listed = 1 THEN 1 ELSE 0 END)
FROM dispatch_cases
WHERE light <> 'None'
GROUP BY region_id;

-- The board's backlog (open cases past the running deadline) depends on the day, so it is not counted ahead: these
-- are a few thousand index entries at a million cases, read without the case rows. The light is included too: the
-- query names it, and the filter alone does not spare the look-up.
CREATE INDEX ix_dispatch_cases_open_due ON dispatch_cases (current_due_on) INCLUDE (region_path, lead_unit_id, region_id, light) WHERE light <> 'None';

-- The unit worklist needed no new index: its tabs were reshaped to use the unit's entries of
-- ix_dispatch_cases_lead_worklist, ix_dispatch_cases_lead_light and ix_dispatch_case_units_unit (see WorklistSql).
