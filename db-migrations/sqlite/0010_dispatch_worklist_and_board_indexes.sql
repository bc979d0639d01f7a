-- The supervision board counted the open cases of the caller's region subtree on every request: at a million cases
-- the city's board read every case row, about a second. It now reads these counts per lead unit and region, which
-- every case change and every light the deadline watcher changes keep right in the same transaction. A case without
-- a lead unit yet counts under the empty id (a key column cannot be null on SQL Server).
CREATE TABLE dispatch_board_counts (
    lead_unit_id TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    lead_unit_name TEXT NULL,
    region_name TEXT NOT NULL,
    open_cases INTEGER NOT NULL,
    red INTEGER NOT NULL,
    yellow INTEGER NOT NULL,
    repeat_cases INTEGER NOT NULL,
    skip_level INTEGER NOT NULL,
    listed INTEGER NOT NULL,
    PRIMARY KEY (lead_unit_id, region_id)
);

CREATE INDEX ix_dispatch_board_counts_region ON dispatch_board_counts (region_path);

INSERT INTO dispatch_board_counts (lead_unit_id, region_id, region_path, lead_unit_name, region_name, open_cases, red, yellow, repeat_cases, skip_level, listed)
SELECT COALESCE(lead_unit_id, '00000000-0000-0000-0000-000000000000'), region_id, MAX(region_path), MAX(lead_unit_name), MAX(region_name), COUNT(*),
       SUM(CASE WHEN light = 'Red' THEN 1 ELSE 0 END),
       SUM(CASE WHEN light = 'Yellow' THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_repeat = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_skip_level = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN is_listed = 1 THEN 1 ELSE 0 END)
FROM dispatch_cases
WHERE light <> 'None'
GROUP BY COALESCE(lead_unit_id, '00000000-0000-0000-0000-000000000000'), region_id;

-- The board's backlog (open cases past the running deadline) depends on the day, so it is not counted ahead: these
-- are a few thousand index entries at a million cases, read without the case rows. The light is a column too: SQLite
-- reads the row for a column the query names even when the index's condition already settles it.
CREATE INDEX ix_dispatch_cases_open_due ON dispatch_cases (current_due_on, region_path, lead_unit_id, region_id, light) WHERE light <> 'None';
