-- The board counted its backlog on every request from the open cases past their running deadline: at a million cases
-- that was the city board's largest statement, and a paused clock counted although its deadline moves on resuming.
-- Backlog (积案) is now counted ahead like the lights: a case past its handling deadline, red while the reply clock
-- runs. The index that served the count is no longer read.
ALTER TABLE dispatch_board_unit_counts ADD backlog INT NOT NULL CONSTRAINT df_dispatch_board_unit_counts_backlog DEFAULT 0;
ALTER TABLE dispatch_board_region_counts ADD backlog INT NOT NULL CONSTRAINT df_dispatch_board_region_counts_backlog DEFAULT 0;
GO

-- A case without a lead unit waits for assignment, so every backlog case has one.
WITH scopes (lead_unit_id, scope_path, rest) AS (
    SELECT lead_unit_id, CAST(N'/' AS NVARCHAR(400)), CAST(SUBSTRING(region_path, 2, 400) AS NVARCHAR(400))
    FROM dispatch_cases
    WHERE light = 'Red' AND current_step = 'Reply'
    UNION ALL
    SELECT lead_unit_id, CAST(scope_path + SUBSTRING(rest, 1, CHARINDEX('/', rest)) AS NVARCHAR(400)), CAST(SUBSTRING(rest, CHARINDEX('/', rest) + 1, 400) AS NVARCHAR(400))
    FROM scopes
    WHERE rest <> ''
)
UPDATE b SET backlog = s.cases
FROM dispatch_board_unit_counts b
JOIN (SELECT scope_path, lead_unit_id, COUNT(*) AS cases FROM scopes GROUP BY scope_path, lead_unit_id) s
    ON b.scope_path = s.scope_path AND b.lead_unit_id = s.lead_unit_id;

UPDATE b SET backlog = s.cases
FROM dispatch_board_region_counts b
JOIN (SELECT region_id, COUNT(*) AS cases FROM dispatch_cases WHERE light = 'Red' AND current_step = 'Reply' GROUP BY region_id) s
    ON b.region_id = s.region_id;

DROP INDEX ix_dispatch_cases_open_due ON dispatch_cases;
