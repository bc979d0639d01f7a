-- The supervision board names the regions directly below the one it shows.
CREATE INDEX ix_org_regions_parent ON org_regions (parent_id);
