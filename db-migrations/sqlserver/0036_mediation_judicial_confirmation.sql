-- Judicial confirmation 司法确认 of an agreement (人民调解法 Art 33): the parties' application to a court within the window
-- fixed when the agreement was recorded, and the court's ruling.
ALTER TABLE mediation_agreements ADD
    confirmation_applied_on DATE NULL,
    confirmation_court NVARCHAR(100) NULL,
    confirmation_ruling NVARCHAR(10) NULL,
    confirmation_decided_on DATE NULL,
    confirmation_note NVARCHAR(2000) NULL;
