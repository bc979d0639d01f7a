-- The mediation time limit of some dispute types (医疗纠纷预防和处理条例 Art 33: medical disputes end within 30 working days
-- of acceptance, appraisal time excluded). The deadline is fixed at acceptance and moves by the days paused and by
-- extensions both sides agreed to; each pause and extension is kept.
ALTER TABLE mediation_disputes ADD COLUMN clock_due_on TEXT NULL;
ALTER TABLE mediation_disputes ADD COLUMN clock_paused_at TEXT NULL;
ALTER TABLE mediation_disputes ADD COLUMN clock_pause_reason TEXT NULL;
ALTER TABLE mediation_disputes ADD COLUMN clock_paused_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mediation_disputes ADD COLUMN clock_extended_days INTEGER NOT NULL DEFAULT 0;

CREATE INDEX ix_mediation_disputes_clock ON mediation_disputes (status, clock_due_on);

CREATE TABLE mediation_clock_entries (
    id TEXT NOT NULL PRIMARY KEY,
    dispute_id TEXT NOT NULL REFERENCES mediation_disputes (id),
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NULL,
    days INTEGER NULL,
    recorded_by TEXT NULL
);

CREATE INDEX ix_mediation_clock_entries_dispute ON mediation_clock_entries (dispute_id, started_at);

-- Time limits and representative limits are rule-set data: rule sets stored before this script get what the shipped files carry.
UPDATE platform_rule_sets
SET document = json_set(document, '$.mediation.timeLimits',
        json('[{"disputeType":"medical","days":30,"workingDays":true,"source":"医疗纠纷预防和处理条例 Art 33"}]')), version = version + 1
WHERE json_type(document, '$.mediation.timeLimits') IS NULL;

UPDATE platform_rule_sets
SET document = json_set(document, '$.mediation.representativeLimits',
        json('[{"disputeType":"medical","maxPerSide":5,"source":"医疗纠纷预防和处理条例"}]')), version = version + 1
WHERE json_type(document, '$.mediation.representativeLimits') IS NULL;
