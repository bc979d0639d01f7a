-- Routing rules become editable by admins: optimistic concurrency and a change time.
ALTER TABLE intake_routing_rules ADD version BIGINT NOT NULL CONSTRAINT df_intake_routing_rules_version DEFAULT 1;
ALTER TABLE intake_routing_rules ADD updated_at DATETIMEOFFSET(7) NULL;

CREATE INDEX ix_intake_routing_rules_region ON intake_routing_rules (region_path, category, id);

-- The work calendar as data: one row per year, days as JSON arrays of yyyy-MM-dd.
CREATE TABLE platform_work_calendar_years (
    year INT NOT NULL PRIMARY KEY,
    source NVARCHAR(200) NULL,
    holidays NVARCHAR(MAX) NOT NULL,
    make_up_workdays NVARCHAR(MAX) NOT NULL,
    version BIGINT NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL
);

-- Statutory rule sets: one JSON document of module sections each; exactly one is active.
CREATE TABLE platform_rule_sets (
    name NVARCHAR(50) NOT NULL PRIMARY KEY,
    title NVARCHAR(200) NOT NULL,
    document NVARCHAR(MAX) NOT NULL,
    is_active BIT NOT NULL,
    version BIGINT NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL
);

CREATE UNIQUE INDEX ux_platform_rule_sets_active ON platform_rule_sets (is_active) WHERE is_active = 1;
