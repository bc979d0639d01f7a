-- The outcome of a dispute: a mediation agreement 调解协议 (terms, amount, form, signatures, the day it took effect, the
-- performance deadline and the last day to apply for judicial confirmation, fixed when it is recorded), or failure with its
-- reason (the guidance to the parties is kept in the dispute's guidance column, as for a refusal).
CREATE TABLE mediation_agreements (
    dispute_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY REFERENCES mediation_disputes (id),
    terms NVARCHAR(MAX) NOT NULL,
    amount_agreed DECIMAL(18, 2) NULL,
    form NVARCHAR(10) NOT NULL,
    applicant_signed BIT NOT NULL,
    respondent_signed BIT NOT NULL,
    effective_on DATE NOT NULL,
    performance_deadline DATE NOT NULL,
    confirmation_due_on DATE NOT NULL,
    recorded_by UNIQUEIDENTIFIER NULL,
    recorded_at DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_mediation_agreements_confirmation_due ON mediation_agreements (confirmation_due_on);

ALTER TABLE mediation_disputes ADD failure_reason NVARCHAR(2000) NULL;

-- The judicial-confirmation window is rule-set data (人民调解法 Art 33): rule sets stored before this script get the section
-- the shipped files now carry.
UPDATE platform_rule_sets
SET document = JSON_MODIFY(document, '$.mediation', JSON_QUERY(N'{"judicialConfirmationWindow":{"days":30,"workingDays":false,"source":"人民调解法 Art 33"}}')), version = version + 1
WHERE JSON_QUERY(document, '$.mediation') IS NULL;
