-- Topics 议题 on which the public is asked for suggestions: a region's scope, the unit responsible for them, the period they
-- take suggestions in, and after closing the published summary of what was adopted.
CREATE TABLE suggestions_topics (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    status NVARCHAR(20) NOT NULL,
    title NVARCHAR(200) NOT NULL,
    description NVARCHAR(MAX) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    unit_id UNIQUEIDENTIFIER NOT NULL,
    unit_name NVARCHAR(200) NOT NULL,
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    summary NVARCHAR(MAX) NULL,
    created_by UNIQUEIDENTIFIER NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    published_at DATETIMEOFFSET(7) NULL,
    closed_at DATETIMEOFFSET(7) NULL,
    concluded_at DATETIMEOFFSET(7) NULL,
    version BIGINT NOT NULL
);

-- Staff list a jurisdiction's topics newest first; the public lists the published ones the same way.
CREATE INDEX ix_suggestions_topics_region_created ON suggestions_topics (region_path, created_at, id);
CREATE INDEX ix_suggestions_topics_status_opens ON suggestions_topics (status, opens_on, id);
