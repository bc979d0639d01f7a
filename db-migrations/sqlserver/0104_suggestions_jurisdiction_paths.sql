-- A district's or town's suggestion worklist reads the suggestions of its subtree newest first from an index on the stored
-- district or town path, as intake's worklist does (0012_intake_jurisdiction_paths), instead of walking every suggestion
-- newest first and keeping those whose region path starts with its own: at 500,000 suggestions a district's first page
-- passed thousands of other districts' (see docs/performance.md). A region path is /city/district/town/village/: the
-- district path is its prefix up to the third slash, the town path up to the fourth (null when the region lies above that
-- level). Status and channel in the index filter the page without reading the wide suggestion row; with a status asked
-- for, the page is a range of the path and status, since the newest of a subtree are mostly of one status (just
-- submitted) and walking past them to the valid ones read thousands of entries.
ALTER TABLE suggestions_suggestions ADD district_path NVARCHAR(400) NULL;
ALTER TABLE suggestions_suggestions ADD town_path NVARCHAR(400) NULL;
GO

UPDATE s
SET district_path = CASE WHEN slash3.pos > 0 THEN LEFT(s.region_path, slash3.pos) END,
    town_path = CASE WHEN slash3.pos > 0 AND slash4.pos > 0 THEN LEFT(s.region_path, slash4.pos) END
FROM suggestions_suggestions s
CROSS APPLY (SELECT CHARINDEX('/', s.region_path, 2) AS pos) slash2
CROSS APPLY (SELECT CASE WHEN slash2.pos > 0 THEN CHARINDEX('/', s.region_path, slash2.pos + 1) ELSE 0 END AS pos) slash3
CROSS APPLY (SELECT CASE WHEN slash3.pos > 0 THEN CHARINDEX('/', s.region_path, slash3.pos + 1) ELSE 0 END AS pos) slash4;

CREATE INDEX ix_suggestions_suggestions_district_worklist ON suggestions_suggestions (district_path, submitted_at, id) INCLUDE (status, channel);
CREATE INDEX ix_suggestions_suggestions_town_worklist ON suggestions_suggestions (town_path, submitted_at, id) INCLUDE (status, channel);
CREATE INDEX ix_suggestions_suggestions_district_status_worklist ON suggestions_suggestions (district_path, status, submitted_at, id) INCLUDE (channel);
CREATE INDEX ix_suggestions_suggestions_town_status_worklist ON suggestions_suggestions (town_path, status, submitted_at, id) INCLUDE (channel);
