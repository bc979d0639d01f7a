-- Return visits 回访 after an agreement, each recording how far the agreement was performed 履行情况. The latest result is
-- kept on the dispute too, so the worklist can list the agreements still awaiting performance without reading the visits.
CREATE TABLE mediation_follow_ups (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    dispute_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_disputes (id),
    visited_on DATE NOT NULL,
    performance NVARCHAR(20) NOT NULL,
    note NVARCHAR(2000) NOT NULL,
    recorded_by UNIQUEIDENTIFIER NULL,
    recorded_at DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_mediation_follow_ups_dispute ON mediation_follow_ups (dispute_id, visited_on);

ALTER TABLE mediation_disputes ADD
    performance NVARCHAR(20) NULL,
    performed_on DATE NULL;
GO

CREATE INDEX ix_mediation_disputes_performance ON mediation_disputes (status, performance, registered_at, id);
