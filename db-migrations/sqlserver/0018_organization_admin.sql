-- Administrators now create, change and retire units and villages. Nothing referenced is deleted: a retired row keeps
-- its name for history and is no longer offered for new work. Regions gain a version for If-Match like units have.
ALTER TABLE org_units ADD
    parent_unit_id UNIQUEIDENTIFIER NULL CONSTRAINT fk_org_units_parent_unit REFERENCES org_units (id),
    contact_phone NVARCHAR(40) NULL,
    contact_address NVARCHAR(200) NULL,
    retired_at DATETIMEOFFSET(7) NULL;

ALTER TABLE org_regions ADD
    version BIGINT NOT NULL CONSTRAINT df_org_regions_version DEFAULT 1,
    retired_at DATETIMEOFFSET(7) NULL;
GO

-- Retiring a unit checks for units below it.
CREATE INDEX ix_org_units_parent_unit ON org_units (parent_unit_id);
