-- Routing rules become editable by admins: optimistic concurrency and a change time.
ALTER TABLE intake_routing_rules ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE intake_routing_rules ADD COLUMN updated_at TEXT NULL;

CREATE INDEX ix_intake_routing_rules_region ON intake_routing_rules (region_path, category, id);

-- The work calendar as data: one row per year, days as JSON arrays of yyyy-MM-dd.
CREATE TABLE platform_work_calendar_years (
    year INTEGER NOT NULL PRIMARY KEY,
    source TEXT NULL,
    holidays TEXT NOT NULL,
    make_up_workdays TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- Statutory rule sets: one JSON document of module sections each; exactly one is active.
CREATE TABLE platform_rule_sets (
    name TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    document TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_platform_rule_sets_active ON platform_rule_sets (is_active) WHERE is_active = 1;
