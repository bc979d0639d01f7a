-- The departments a valid suggestion is assigned to for evaluation, each with the day it is due by (rule-set data).
CREATE TABLE suggestions_assignments (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    suggestion_id UNIQUEIDENTIFIER NOT NULL REFERENCES suggestions_suggestions (id),
    unit_id UNIQUEIDENTIFIER NOT NULL,
    unit_name NVARCHAR(200) NOT NULL,
    due_on DATE NOT NULL,
    assigned_by UNIQUEIDENTIFIER NULL,
    assigned_at DATETIMEOFFSET(7) NOT NULL
);

CREATE UNIQUE INDEX ux_suggestions_assignments_suggestion_unit ON suggestions_assignments (suggestion_id, unit_id);
CREATE INDEX ix_suggestions_assignments_unit_due ON suggestions_assignments (unit_id, due_on);

-- The evaluation deadline is rule-set data: rule sets stored before this script get the section the shipped files now carry.
UPDATE platform_rule_sets
SET document = JSON_MODIFY(document, '$.suggestions', JSON_QUERY(N'{"evaluationDeadline":{"days":20,"workingDays":true,"source":"local practice (configurable)"}}')), version = version + 1
WHERE name = 'zhejiang' AND JSON_QUERY(document, '$.suggestions') IS NULL;

UPDATE platform_rule_sets
SET document = JSON_MODIFY(document, '$.suggestions', JSON_QUERY(N'{"evaluationDeadline":{"days":30,"workingDays":false,"source":"local practice (configurable)"}}')), version = version + 1
WHERE JSON_QUERY(document, '$.suggestions') IS NULL;
