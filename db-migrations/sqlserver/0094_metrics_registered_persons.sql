-- Registered persons 登记人次 beside the batches 批次 (registered): a group visit is one petition of several persons. Figures
-- stored before this script count none until the metrics are rebuilt; registration events stored before the persons were
-- published count one person each (the least a petition has).
ALTER TABLE metrics_daily_facts ADD registered_persons INT NOT NULL DEFAULT 0;

-- The indicators by responsible unit sum the backlog per unit as well: the filtered index now holds the unit, so those sums
-- read only its few rows, as the other groupings do.
DROP INDEX ix_metrics_daily_facts_backlog ON metrics_daily_facts;
CREATE INDEX ix_metrics_daily_facts_backlog ON metrics_daily_facts (day, region_path) INCLUDE (unit_id, channel, category, backlog_change) WHERE backlog_change <> 0;
