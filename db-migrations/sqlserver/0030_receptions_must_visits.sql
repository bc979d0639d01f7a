-- The four must-visits (四个必访): the bureau's registers of major policies likely to cause disputes and of emergencies, and
-- the leaders' visits planned from a month's proposals (a visit's batches count as must-visit batches).
CREATE TABLE receptions_policies (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    title NVARCHAR(200) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    effective_from DATE NOT NULL,
    effective_to DATE NULL,
    note NVARCHAR(2000) NULL,
    registered_by UNIQUEIDENTIFIER NULL,
    registered_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_receptions_policies_region ON receptions_policies (region_path, effective_from);

CREATE TABLE receptions_incidents (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    day DATE NOT NULL,
    description NVARCHAR(2000) NOT NULL,
    registered_by UNIQUEIDENTIFIER NULL,
    registered_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_receptions_incidents_region ON receptions_incidents (region_path, day);

-- One row per visit planned from a proposal: the month and town proposed and the reasons as they stood when it was planned.
CREATE TABLE receptions_must_visit_plans (
    reception_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY REFERENCES receptions_receptions (id),
    month NVARCHAR(7) NOT NULL,
    district_id UNIQUEIDENTIFIER NOT NULL,
    town_id UNIQUEIDENTIFIER NOT NULL,
    town_path NVARCHAR(400) NOT NULL,
    town_name NVARCHAR(200) NOT NULL,
    reasons NVARCHAR(4000) NOT NULL,
    planned_by UNIQUEIDENTIFIER NULL,
    planned_at DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_receptions_must_visit_plans_month ON receptions_must_visit_plans (district_id, month, town_id);

-- The thresholds are rule-set data: rule sets stored before this script get the section the shipped files now carry.
UPDATE platform_rule_sets
SET document = JSON_MODIFY(document, '$.receptions', JSON_QUERY(N'{"mustVisits":{"manyPetitions":{"minPetitions":10,"minGrowthPercent":50,"minPetitionsForGrowth":5},"hardWork":{"minBacklog":3,"minOverdue":5,"minConcluded":5,"maxResolutionRate":0.8},"majorPolicy":{"leadDays":30},"emergency":{"minUrgentPetitions":1,"incidentLookbackDays":30},"source":"新昌县“四个必访” (local practice, configurable)"}}')), version = version + 1
WHERE JSON_QUERY(document, '$.receptions') IS NULL;
