-- Judicial confirmation 司法确认 of an agreement (人民调解法 Art 33): the parties' application to a court within the window
-- fixed when the agreement was recorded, and the court's ruling.
ALTER TABLE mediation_agreements ADD COLUMN confirmation_applied_on TEXT NULL;
ALTER TABLE mediation_agreements ADD COLUMN confirmation_court TEXT NULL;
ALTER TABLE mediation_agreements ADD COLUMN confirmation_ruling TEXT NULL;
ALTER TABLE mediation_agreements ADD COLUMN confirmation_decided_on TEXT NULL;
ALTER TABLE mediation_agreements ADD COLUMN confirmation_note TEXT NULL;
