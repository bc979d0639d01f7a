-- Least privilege for reading petitions: a handler reads the petitions of the cases its unit works on (lead or
-- co-handling), kept here from the dispatch module's CaseAssigned and CaseReturned events; an agent reads what it
-- registered itself (the index serves its worklist).
CREATE TABLE intake_case_units (
    case_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    petition_id TEXT NOT NULL REFERENCES intake_petitions (id),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (case_id, unit_id)
);

CREATE INDEX ix_intake_case_units_unit ON intake_case_units (unit_id, petition_id);

-- One copy of what the events delivered before this table existed: the current lead and co-handling units of every
-- assigned case that was not returned.
INSERT INTO intake_case_units (case_id, unit_id, petition_id, assigned_at)
SELECT c.id, c.lead_unit_id, c.petition_id, c.assigned_at
FROM dispatch_cases c
WHERE c.lead_unit_id IS NOT NULL AND c.assigned_at IS NOT NULL AND c.status <> 'Returned'
  AND EXISTS (SELECT 1 FROM intake_petitions p WHERE p.id = c.petition_id);

INSERT INTO intake_case_units (case_id, unit_id, petition_id, assigned_at)
SELECT c.id, u.unit_id, c.petition_id, c.assigned_at
FROM dispatch_case_units u
JOIN dispatch_cases c ON c.id = u.case_id
WHERE c.assigned_at IS NOT NULL AND c.status <> 'Returned' AND u.unit_id <> c.lead_unit_id
  AND EXISTS (SELECT 1 FROM intake_petitions p WHERE p.id = c.petition_id);

CREATE INDEX ix_intake_petitions_registered_by ON intake_petitions (registered_by, received_at, id);
