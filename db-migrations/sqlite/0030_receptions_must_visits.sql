-- The four must-visits (四个必访): the bureau's registers of major policies likely to cause disputes and of emergencies, and
-- the leaders' visits planned from a month's proposals (a visit's batches count as must-visit batches).
CREATE TABLE receptions_policies (
    id TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to TEXT NULL,
    note TEXT NULL,
    registered_by TEXT NULL,
    registered_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_receptions_policies_region ON receptions_policies (region_path, effective_from);

CREATE TABLE receptions_incidents (
    id TEXT NOT NULL PRIMARY KEY,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    day TEXT NOT NULL,
    description TEXT NOT NULL,
    registered_by TEXT NULL,
    registered_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_receptions_incidents_region ON receptions_incidents (region_path, day);

-- One row per visit planned from a proposal: the month and town proposed and the reasons as they stood when it was planned.
CREATE TABLE receptions_must_visit_plans (
    reception_id TEXT NOT NULL PRIMARY KEY REFERENCES receptions_receptions (id),
    month TEXT NOT NULL,
    district_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    town_path TEXT NOT NULL,
    town_name TEXT NOT NULL,
    reasons TEXT NOT NULL,
    planned_by TEXT NULL,
    planned_at TEXT NOT NULL
);

CREATE INDEX ix_receptions_must_visit_plans_month ON receptions_must_visit_plans (district_id, month, town_id);

-- The thresholds are rule-set data: rule sets stored before this script get the section the shipped files now carry.
UPDATE platform_rule_sets
SET document = json_set(document, '$.receptions', json('{"mustVisits":{"manyPetitions":{"minPetitions":10,"minGrowthPercent":50,"minPetitionsForGrowth":5},"hardWork":{"minBacklog":3,"minOverdue":5,"minConcluded":5,"maxResolutionRate":0.8},"majorPolicy":{"leadDays":30},"emergency":{"minUrgentPetitions":1,"incidentLookbackDays":30},"source":"新昌县“四个必访” (local practice, configurable)"}}')), version = version + 1
WHERE json_type(document, '$.receptions') IS NULL;
