-- The board counted its backlog on every request from the open cases past their running deadline: at a million cases
-- that was the city board's largest statement, and a paused clock counted although its deadline moves on resuming.
-- Backlog (积案) is now counted ahead like the lights: a case past its handling deadline, red while the reply clock
-- runs. The index that served the count is no longer read.
ALTER TABLE dispatch_board_unit_counts ADD COLUMN backlog INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dispatch_board_region_counts ADD COLUMN backlog INTEGER NOT NULL DEFAULT 0;

-- A case without a lead unit waits for assignment, so every backlog case has one.
WITH RECURSIVE scopes (lead_unit_id, scope_path, rest) AS (
    SELECT lead_unit_id, '/', SUBSTR(region_path, 2)
    FROM dispatch_cases
    WHERE light = 'Red' AND current_step = 'Reply'
    UNION ALL
    SELECT lead_unit_id, scope_path || SUBSTR(rest, 1, INSTR(rest, '/')), SUBSTR(rest, INSTR(rest, '/') + 1)
    FROM scopes
    WHERE rest <> ''
)
UPDATE dispatch_board_unit_counts SET backlog = s.cases
FROM (SELECT scope_path, lead_unit_id, COUNT(*) AS cases FROM scopes GROUP BY scope_path, lead_unit_id) s
WHERE dispatch_board_unit_counts.scope_path = s.scope_path AND dispatch_board_unit_counts.lead_unit_id = s.lead_unit_id;

UPDATE dispatch_board_region_counts SET backlog = s.cases
FROM (SELECT region_id, COUNT(*) AS cases FROM dispatch_cases WHERE light = 'Red' AND current_step = 'Reply' GROUP BY region_id) s
WHERE dispatch_board_region_counts.region_id = s.region_id;

DROP INDEX ix_dispatch_cases_open_due;
