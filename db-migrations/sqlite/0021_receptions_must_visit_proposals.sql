-- Each month's must-visit proposals (四个必访), recorded once per month, town and reason: each row publishes MustVisitProposed
-- once. The figures are those the town had when it was first found proposed for the reason.
CREATE TABLE receptions_must_visit_proposals (
    id TEXT NOT NULL PRIMARY KEY,
    month TEXT NOT NULL,
    district_id TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    reason TEXT NOT NULL,
    figures TEXT NOT NULL,
    proposed_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_receptions_must_visit_proposals ON receptions_must_visit_proposals (month, region_id, reason);

CREATE INDEX ix_receptions_must_visit_proposals_district ON receptions_must_visit_proposals (district_id, month);

-- The districts whose month the monthly proposer has gone through: it proposes each district once a month.
CREATE TABLE receptions_must_visit_rounds (
    month TEXT NOT NULL,
    district_id TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    PRIMARY KEY (month, district_id)
);

-- The lease that keeps the monthly proposer to one instance at a time.
CREATE TABLE receptions_leases (
    name TEXT NOT NULL PRIMARY KEY,
    owner TEXT NULL,
    lease_until TEXT NULL
);

INSERT INTO receptions_leases (name, owner, lease_until) VALUES ('must_visit_proposer', NULL, NULL);
