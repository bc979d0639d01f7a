-- The worklist walks petitions newest first and keeps those in the caller's jurisdiction. With the region path,
-- registrar unit and status included, rows outside the jurisdiction are skipped without reading the wide
-- petition row. It supersedes the index on (received_at, id).
DROP INDEX ix_intake_petitions_received ON intake_petitions;
CREATE INDEX ix_intake_petitions_worklist ON intake_petitions (received_at, id) INCLUDE (region_path, registrar_unit_id, status);

-- A petition's details list the attachments of petitions merged into it; without this every detail read scans the table.
CREATE INDEX ix_intake_petitions_merged_into ON intake_petitions (merged_into_id) WHERE merged_into_id IS NOT NULL;
