-- The outcome of a dispute: a mediation agreement 调解协议 (terms, amount, form, signatures, the day it took effect, the
-- performance deadline and the last day to apply for judicial confirmation, fixed when it is recorded), or failure with its
-- reason (the guidance to the parties is kept in the dispute's guidance column, as for a refusal).
CREATE TABLE mediation_agreements (
    dispute_id TEXT NOT NULL PRIMARY KEY REFERENCES mediation_disputes (id),
    terms TEXT NOT NULL,
    amount_agreed NUMERIC NULL,
    form TEXT NOT NULL,
    applicant_signed INTEGER NOT NULL,
    respondent_signed INTEGER NOT NULL,
    effective_on TEXT NOT NULL,
    performance_deadline TEXT NOT NULL,
    confirmation_due_on TEXT NOT NULL,
    recorded_by TEXT NULL,
    recorded_at TEXT NOT NULL
);

CREATE INDEX ix_mediation_agreements_confirmation_due ON mediation_agreements (confirmation_due_on);

ALTER TABLE mediation_disputes ADD COLUMN failure_reason TEXT NULL;

-- The judicial-confirmation window is rule-set data (人民调解法 Art 33): rule sets stored before this script get the section
-- the shipped files now carry.
UPDATE platform_rule_sets
SET document = json_set(document, '$.mediation', json('{"judicialConfirmationWindow":{"days":30,"workingDays":false,"source":"人民调解法 Art 33"}}')), version = version + 1
WHERE json_type(document, '$.mediation') IS NULL;
