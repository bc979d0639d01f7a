-- The mediation time limit of some dispute types (医疗纠纷预防和处理条例 Art 33: medical disputes end within 30 working days
-- of acceptance, appraisal time excluded). The deadline is fixed at acceptance and moves by the days paused and by
-- extensions both sides agreed to; each pause and extension is kept.
ALTER TABLE mediation_disputes ADD
    clock_due_on DATE NULL,
    clock_paused_at DATETIMEOFFSET(7) NULL,
    clock_pause_reason NVARCHAR(2000) NULL,
    clock_paused_days INT NOT NULL CONSTRAINT df_mediation_disputes_clock_paused_days DEFAULT 0,
    clock_extended_days INT NOT NULL CONSTRAINT df_mediation_disputes_clock_extended_days DEFAULT 0;
GO

CREATE INDEX ix_mediation_disputes_clock ON mediation_disputes (status, clock_due_on);

CREATE TABLE mediation_clock_entries (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    dispute_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_disputes (id),
    kind NVARCHAR(20) NOT NULL,
    reason NVARCHAR(2000) NOT NULL,
    started_at DATETIMEOFFSET(7) NOT NULL,
    ended_at DATETIMEOFFSET(7) NULL,
    days INT NULL,
    recorded_by UNIQUEIDENTIFIER NULL
);

CREATE INDEX ix_mediation_clock_entries_dispute ON mediation_clock_entries (dispute_id, started_at);

-- Time limits and representative limits are rule-set data: rule sets stored before this script get what the shipped files carry.
UPDATE platform_rule_sets
SET document = JSON_MODIFY(document, '$.mediation.timeLimits',
        JSON_QUERY(N'[{"disputeType":"medical","days":30,"workingDays":true,"source":"医疗纠纷预防和处理条例 Art 33"}]')), version = version + 1
WHERE JSON_QUERY(document, '$.mediation.timeLimits') IS NULL;

UPDATE platform_rule_sets
SET document = JSON_MODIFY(document, '$.mediation.representativeLimits',
        JSON_QUERY(N'[{"disputeType":"medical","maxPerSide":5,"source":"医疗纠纷预防和处理条例"}]')), version = version + 1
WHERE JSON_QUERY(document, '$.mediation.representativeLimits') IS NULL;
