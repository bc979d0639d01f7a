-- The mediation counters of the daily facts, fed by the mediation module's events. Disputes count under channel 'mediation'
-- and their dispute type as category, without a unit (a dispute is mediated by a room, not a handling unit).
ALTER TABLE metrics_daily_facts ADD COLUMN disputes_opened INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN disputes_accepted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN sessions_held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN agreements_reached INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN mediations_failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN judicial_decided INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN judicial_confirmed INTEGER NOT NULL DEFAULT 0;
