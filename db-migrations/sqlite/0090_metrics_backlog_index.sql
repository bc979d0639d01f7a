-- The backlog is a stock: an indicator sums its changes from the beginning up to the period's end. Only overdue cases and
-- their replies change it, a few rows in a hundred, so this filtered index holds those rows with what the groupings read,
-- and the flows read only the period's days from the primary key. The index by region and day goes: with the jurisdiction's
-- LIKE bound as a parameter it gave no range, and the planner walked it whole to group by region (see docs/performance.md).
CREATE INDEX ix_metrics_daily_facts_backlog ON metrics_daily_facts (day, region_path, channel, category, backlog_change) WHERE backlog_change <> 0;

DROP INDEX ix_metrics_daily_facts_region_day;
