-- Online applications 在线申请调解: the applicant follows the dispute with a tracking code and a secret kept only as a hash.
-- The source is named for what it is, an online application by a party.
ALTER TABLE mediation_disputes ADD COLUMN tracking_code TEXT NULL;
ALTER TABLE mediation_disputes ADD COLUMN tracking_secret_hash TEXT NULL;

CREATE UNIQUE INDEX ux_mediation_disputes_tracking_code ON mediation_disputes (tracking_code) WHERE tracking_code IS NOT NULL;

UPDATE mediation_disputes SET source = 'OnlineApplication' WHERE source = 'Online';
