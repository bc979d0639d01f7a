-- Disputes brought to people's mediation. The consent of each side (人民调解法 Art 17) is kept on the dispute; the parties'
-- names are copied to it for the worklist. A referred petition links its petition; a court's pre-litigation referral
-- names the court and its case number.
CREATE TABLE mediation_disputes (
    id TEXT NOT NULL PRIMARY KEY,
    number TEXT NOT NULL,
    status TEXT NOT NULL,
    dispute_type TEXT NOT NULL REFERENCES mediation_dispute_types (code),
    summary TEXT NOT NULL,
    claims TEXT NOT NULL,
    amount_claimed NUMERIC NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    source TEXT NOT NULL,
    court_name TEXT NULL,
    court_case_number TEXT NULL,
    petition_id TEXT NULL,
    petition_number TEXT NULL,
    room_id TEXT NULL REFERENCES mediation_rooms (id),
    room_name TEXT NULL,
    lead_mediator_id TEXT NULL REFERENCES mediation_mediators (id),
    lead_mediator_name TEXT NULL,
    applicant_names TEXT NOT NULL,
    respondent_names TEXT NOT NULL,
    applicant_consent TEXT NOT NULL,
    respondent_consent TEXT NOT NULL,
    guidance TEXT NULL,
    withdrawal_reason TEXT NULL,
    registered_by TEXT NULL,
    registered_at TEXT NOT NULL,
    accepted_at TEXT NULL,
    closed_at TEXT NULL,
    version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_mediation_disputes_number ON mediation_disputes (number);
CREATE INDEX ix_mediation_disputes_worklist ON mediation_disputes (region_path, registered_at, id);
CREATE INDEX ix_mediation_disputes_status ON mediation_disputes (status, registered_at, id);
-- One dispute per referred petition: a redelivered referral finds it instead of opening another.
CREATE UNIQUE INDEX ux_mediation_disputes_petition ON mediation_disputes (petition_id) WHERE petition_id IS NOT NULL;

-- Parties: a person's ID number and phone encrypted, hashed and masked as intake keeps petitioners'; an organisation
-- names its unified social credit code, which is not personal data.
CREATE TABLE mediation_dispute_parties (
    id TEXT NOT NULL PRIMARY KEY,
    dispute_id TEXT NOT NULL REFERENCES mediation_disputes (id),
    ordinal INTEGER NOT NULL,
    side TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    id_number_cipher TEXT NULL,
    id_number_hash TEXT NULL,
    id_number_masked TEXT NULL,
    phone_cipher TEXT NULL,
    phone_hash TEXT NULL,
    phone_masked TEXT NULL,
    organisation_code TEXT NULL
);

CREATE INDEX ix_mediation_dispute_parties_dispute ON mediation_dispute_parties (dispute_id, ordinal);
CREATE INDEX ix_mediation_dispute_parties_id_hash ON mediation_dispute_parties (id_number_hash);

CREATE TABLE mediation_dispute_assistants (
    dispute_id TEXT NOT NULL REFERENCES mediation_disputes (id),
    mediator_id TEXT NOT NULL REFERENCES mediation_mediators (id),
    mediator_name TEXT NOT NULL,
    PRIMARY KEY (dispute_id, mediator_id)
);

-- Human-readable numbers per district (or the city) and year, e.g. 越城调-2026-000012.
CREATE TABLE mediation_number_counters (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- The dispute type a referred petition's category opens as; a category not listed opens as 'other'.
CREATE TABLE mediation_referral_types (
    petition_category TEXT NOT NULL PRIMARY KEY,
    dispute_type TEXT NOT NULL REFERENCES mediation_dispute_types (code)
);

INSERT INTO mediation_referral_types (petition_category, dispute_type) VALUES
    ('health', 'medical'),
    ('labour_social_security', 'labour'),
    ('property_management', 'property_management'),
    ('land_resources', 'land_housing'),
    ('urban_rural_construction', 'land_housing'),
    ('transport', 'road_traffic'),
    ('civil_affairs', 'marriage_family'),
    ('business_environment', 'contract_debt');
