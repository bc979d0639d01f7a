-- The suggestion and reception counters of the daily facts. Suggestions count under channel and category 'suggestion',
-- receptions under 'reception' (neither has a petition's channel or category), so every indicator keeps one table and key.
ALTER TABLE metrics_daily_facts ADD
    suggestion_received INT NOT NULL DEFAULT 0,
    suggestion_answered INT NOT NULL DEFAULT 0,
    suggestion_adopted INT NOT NULL DEFAULT 0,
    reception_batches INT NOT NULL DEFAULT 0,
    reception_persons INT NOT NULL DEFAULT 0,
    must_visit_batches INT NOT NULL DEFAULT 0;
