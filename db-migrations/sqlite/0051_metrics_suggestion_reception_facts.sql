-- The suggestion and reception counters of the daily facts. Suggestions count under channel and category 'suggestion',
-- receptions under 'reception' (neither has a petition's channel or category), so every indicator keeps one table and key.
ALTER TABLE metrics_daily_facts ADD COLUMN suggestion_received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN suggestion_answered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN suggestion_adopted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN reception_batches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN reception_persons INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN must_visit_batches INTEGER NOT NULL DEFAULT 0;
