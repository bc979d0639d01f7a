-- The mediation counters of the daily facts, fed by the mediation module's events. Disputes count under channel 'mediation'
-- and their dispute type as category, without a unit (a dispute is mediated by a room, not a handling unit).
ALTER TABLE metrics_daily_facts ADD
    disputes_opened INT NOT NULL DEFAULT 0,
    disputes_accepted INT NOT NULL DEFAULT 0,
    sessions_held INT NOT NULL DEFAULT 0,
    agreements_reached INT NOT NULL DEFAULT 0,
    mediations_failed INT NOT NULL DEFAULT 0,
    judicial_decided INT NOT NULL DEFAULT 0,
    judicial_confirmed INT NOT NULL DEFAULT 0;
