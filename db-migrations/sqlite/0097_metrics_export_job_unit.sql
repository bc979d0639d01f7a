-- An export job may keep to one responsible unit, as the indicators do (unitId): the worker exports only the facts counted
-- under it. Null, as for every job queued before this script, exports all units.
ALTER TABLE metrics_export_jobs ADD COLUMN unit_id TEXT NULL;
