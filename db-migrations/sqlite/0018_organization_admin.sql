-- Administrators now create, change and retire units and villages. Nothing referenced is deleted: a retired row keeps
-- its name for history and is no longer offered for new work. Regions gain a version for If-Match like units have.
ALTER TABLE org_units ADD COLUMN parent_unit_id TEXT NULL REFERENCES org_units (id);
ALTER TABLE org_units ADD COLUMN contact_phone TEXT NULL;
ALTER TABLE org_units ADD COLUMN contact_address TEXT NULL;
ALTER TABLE org_units ADD COLUMN retired_at TEXT NULL;

ALTER TABLE org_regions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE org_regions ADD COLUMN retired_at TEXT NULL;

-- Retiring a unit checks for units below it.
CREATE INDEX ix_org_units_parent_unit ON org_units (parent_unit_id);
