-- Each month's must-visit proposals (四个必访), recorded once per month, town and reason: each row publishes MustVisitProposed
-- once. The figures are those the town had when it was first found proposed for the reason.
CREATE TABLE receptions_must_visit_proposals (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    month NVARCHAR(7) NOT NULL,
    district_id UNIQUEIDENTIFIER NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    reason NVARCHAR(40) NOT NULL,
    figures NVARCHAR(4000) NOT NULL,
    proposed_at DATETIMEOFFSET(7) NOT NULL
);

CREATE UNIQUE INDEX ux_receptions_must_visit_proposals ON receptions_must_visit_proposals (month, region_id, reason);

CREATE INDEX ix_receptions_must_visit_proposals_district ON receptions_must_visit_proposals (district_id, month);

-- The districts whose month the monthly proposer has gone through: it proposes each district once a month.
CREATE TABLE receptions_must_visit_rounds (
    month NVARCHAR(7) NOT NULL,
    district_id UNIQUEIDENTIFIER NOT NULL,
    proposed_at DATETIMEOFFSET(7) NOT NULL,
    PRIMARY KEY (month, district_id)
);

-- The lease that keeps the monthly proposer to one instance at a time.
CREATE TABLE receptions_leases (
    name NVARCHAR(200) NOT NULL PRIMARY KEY,
    owner NVARCHAR(200) NULL,
    lease_until DATETIMEOFFSET(7) NULL
);

INSERT INTO receptions_leases (name, owner, lease_until) VALUES ('must_visit_proposer', NULL, NULL);
