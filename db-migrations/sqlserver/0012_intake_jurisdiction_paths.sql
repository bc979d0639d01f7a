-- A district's or town's worklist reads the petitions of its subtree newest first from an index on the stored
-- district or town path, instead of walking every petition and keeping those whose region path starts with its own.
-- A region path is /city/district/town/village/: the district path is its prefix up to the third slash, the town
-- path up to the fourth (null when the region lies above that level).
ALTER TABLE intake_petitions ADD district_path NVARCHAR(400) NULL;
ALTER TABLE intake_petitions ADD town_path NVARCHAR(400) NULL;
GO

UPDATE p
SET district_path = CASE WHEN slash3.pos > 0 THEN LEFT(p.region_path, slash3.pos) END,
    town_path = CASE WHEN slash3.pos > 0 AND slash4.pos > 0 THEN LEFT(p.region_path, slash4.pos) END
FROM intake_petitions p
CROSS APPLY (SELECT CHARINDEX('/', p.region_path, 2) AS pos) slash2
CROSS APPLY (SELECT CASE WHEN slash2.pos > 0 THEN CHARINDEX('/', p.region_path, slash2.pos + 1) ELSE 0 END AS pos) slash3
CROSS APPLY (SELECT CASE WHEN slash3.pos > 0 THEN CHARINDEX('/', p.region_path, slash3.pos + 1) ELSE 0 END AS pos) slash4;

CREATE INDEX ix_intake_petitions_district_worklist ON intake_petitions (district_path, received_at, id) INCLUDE (status);
CREATE INDEX ix_intake_petitions_town_worklist ON intake_petitions (town_path, received_at, id) INCLUDE (status);
