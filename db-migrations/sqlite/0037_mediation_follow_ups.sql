-- Return visits 回访 after an agreement, each recording how far the agreement was performed 履行情况. The latest result is
-- kept on the dispute too, so the worklist can list the agreements still awaiting performance without reading the visits.
CREATE TABLE mediation_follow_ups (
    id TEXT NOT NULL PRIMARY KEY,
    dispute_id TEXT NOT NULL REFERENCES mediation_disputes (id),
    visited_on TEXT NOT NULL,
    performance TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NULL,
    recorded_at TEXT NOT NULL
);

CREATE INDEX ix_mediation_follow_ups_dispute ON mediation_follow_ups (dispute_id, visited_on);

ALTER TABLE mediation_disputes ADD COLUMN performance TEXT NULL;
ALTER TABLE mediation_disputes ADD COLUMN performed_on TEXT NULL;

CREATE INDEX ix_mediation_disputes_performance ON mediation_disputes (status, performance, registered_at, id);
