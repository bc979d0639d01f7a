-- Topics 议题 on which the public is asked for suggestions: a region's scope, the unit responsible for them, the period they
-- take suggestions in, and after closing the published summary of what was adopted.
CREATE TABLE suggestions_topics (
    id TEXT NOT NULL PRIMARY KEY,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    summary TEXT NULL,
    created_by TEXT NULL,
    created_at TEXT NOT NULL,
    published_at TEXT NULL,
    closed_at TEXT NULL,
    concluded_at TEXT NULL,
    version INTEGER NOT NULL
);

-- Staff list a jurisdiction's topics newest first; the public lists the published ones the same way.
CREATE INDEX ix_suggestions_topics_region_created ON suggestions_topics (region_path, created_at, id);
CREATE INDEX ix_suggestions_topics_status_opens ON suggestions_topics (status, opens_on, id);
