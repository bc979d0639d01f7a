-- The counters the indicators sum, per day x region path x lead unit x channel x category; fed by the intake and dispatch
-- events (each event changes some counters by one), never by reading those modules' tables. unit_id is the empty GUID
-- for facts without a unit (registration).
CREATE TABLE metrics_daily_facts (
    day TEXT NOT NULL,
    region_path TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    category TEXT NOT NULL,
    registered INTEGER NOT NULL DEFAULT 0,
    first_time_registered INTEGER NOT NULL DEFAULT 0,
    repeat_registered INTEGER NOT NULL DEFAULT 0,
    skip_level_registered INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    accepted_on_time INTEGER NOT NULL DEFAULT 0,
    concluded INTEGER NOT NULL DEFAULT 0,
    concluded_on_time INTEGER NOT NULL DEFAULT 0,
    rated_satisfied INTEGER NOT NULL DEFAULT 0,
    rated_basically_satisfied INTEGER NOT NULL DEFAULT 0,
    rated_dissatisfied INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    closed_unrated INTEGER NOT NULL DEFAULT 0,
    resolved INTEGER NOT NULL DEFAULT 0,
    first_time_closed INTEGER NOT NULL DEFAULT 0,
    first_time_resolved INTEGER NOT NULL DEFAULT 0,
    review_requested INTEGER NOT NULL DEFAULT 0,
    backlog_change INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region_path, unit_id, channel, category)
);

CREATE INDEX ix_metrics_daily_facts_region_day ON metrics_daily_facts (region_path, day);

-- What the facts need to remember of a petition: the case events carry neither its channel nor its category.
CREATE TABLE metrics_petitions (
    petition_id TEXT NOT NULL PRIMARY KEY,
    channel TEXT NOT NULL,
    category TEXT NOT NULL,
    is_first_time INTEGER NOT NULL
);

-- What the facts need to remember of a handling case: whether it counts in the backlog, whether a review (复查) was
-- requested, and where its resolution was counted (so a review requested after closing takes it back).
CREATE TABLE metrics_cases (
    case_id TEXT NOT NULL PRIMARY KEY,
    is_overdue INTEGER NOT NULL,
    review_requested INTEGER NOT NULL,
    resolved_day TEXT NULL,
    resolved_region_path TEXT NULL,
    resolved_unit_id TEXT NULL,
    resolved_channel TEXT NULL,
    resolved_category TEXT NULL,
    resolved_first_time INTEGER NOT NULL
);
