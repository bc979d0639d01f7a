-- The unit a handling case joined the backlog under: a case returned and reassigned while overdue is replied by another unit,
-- and the backlog by unit takes it back where it was counted. Cases overdue before this script leave it under the replying
-- unit, as before, until the metrics are rebuilt.
ALTER TABLE metrics_cases ADD COLUMN overdue_unit_id TEXT NULL;
