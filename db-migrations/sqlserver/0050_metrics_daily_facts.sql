-- The counters the indicators sum, per day x region path x lead unit x channel x category; fed by the intake and dispatch
-- events (each event changes some counters by one), never by reading those modules' tables. unit_id is the empty GUID
-- for facts without a unit (registration).
CREATE TABLE metrics_daily_facts (
    day DATE NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    unit_id UNIQUEIDENTIFIER NOT NULL,
    channel NVARCHAR(50) NOT NULL,
    category NVARCHAR(100) NOT NULL,
    registered INT NOT NULL DEFAULT 0,
    first_time_registered INT NOT NULL DEFAULT 0,
    repeat_registered INT NOT NULL DEFAULT 0,
    skip_level_registered INT NOT NULL DEFAULT 0,
    accepted INT NOT NULL DEFAULT 0,
    accepted_on_time INT NOT NULL DEFAULT 0,
    concluded INT NOT NULL DEFAULT 0,
    concluded_on_time INT NOT NULL DEFAULT 0,
    rated_satisfied INT NOT NULL DEFAULT 0,
    rated_basically_satisfied INT NOT NULL DEFAULT 0,
    rated_dissatisfied INT NOT NULL DEFAULT 0,
    closed INT NOT NULL DEFAULT 0,
    closed_unrated INT NOT NULL DEFAULT 0,
    resolved INT NOT NULL DEFAULT 0,
    first_time_closed INT NOT NULL DEFAULT 0,
    first_time_resolved INT NOT NULL DEFAULT 0,
    review_requested INT NOT NULL DEFAULT 0,
    backlog_change INT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region_path, unit_id, channel, category)
);

CREATE INDEX ix_metrics_daily_facts_region_day ON metrics_daily_facts (region_path, day);

-- What the facts need to remember of a petition: the case events carry neither its channel nor its category.
CREATE TABLE metrics_petitions (
    petition_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    channel NVARCHAR(50) NOT NULL,
    category NVARCHAR(100) NOT NULL,
    is_first_time INT NOT NULL
);

-- What the facts need to remember of a handling case: whether it counts in the backlog, whether a review (复查) was
-- requested, and where its resolution was counted (so a review requested after closing takes it back).
CREATE TABLE metrics_cases (
    case_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    is_overdue INT NOT NULL,
    review_requested INT NOT NULL,
    resolved_day DATE NULL,
    resolved_region_path NVARCHAR(400) NULL,
    resolved_unit_id UNIQUEIDENTIFIER NULL,
    resolved_channel NVARCHAR(50) NULL,
    resolved_category NVARCHAR(100) NULL,
    resolved_first_time INT NOT NULL
);
