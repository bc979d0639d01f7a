-- Disputes brought to people's mediation. The consent of each side (人民调解法 Art 17) is kept on the dispute; the parties'
-- names are copied to it for the worklist. A referred petition links its petition; a court's pre-litigation referral
-- names the court and its case number.
CREATE TABLE mediation_disputes (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    number NVARCHAR(50) NOT NULL,
    status NVARCHAR(50) NOT NULL,
    dispute_type NVARCHAR(50) NOT NULL REFERENCES mediation_dispute_types (code),
    summary NVARCHAR(4000) NOT NULL,
    claims NVARCHAR(4000) NOT NULL,
    amount_claimed DECIMAL(18, 2) NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    source NVARCHAR(50) NOT NULL,
    court_name NVARCHAR(200) NULL,
    court_case_number NVARCHAR(100) NULL,
    petition_id UNIQUEIDENTIFIER NULL,
    petition_number NVARCHAR(50) NULL,
    room_id UNIQUEIDENTIFIER NULL REFERENCES mediation_rooms (id),
    room_name NVARCHAR(100) NULL,
    lead_mediator_id UNIQUEIDENTIFIER NULL REFERENCES mediation_mediators (id),
    lead_mediator_name NVARCHAR(50) NULL,
    applicant_names NVARCHAR(1000) NOT NULL,
    respondent_names NVARCHAR(1000) NOT NULL,
    applicant_consent NVARCHAR(20) NOT NULL,
    respondent_consent NVARCHAR(20) NOT NULL,
    guidance NVARCHAR(2000) NULL,
    withdrawal_reason NVARCHAR(1000) NULL,
    registered_by UNIQUEIDENTIFIER NULL,
    registered_at DATETIMEOFFSET(7) NOT NULL,
    accepted_at DATETIMEOFFSET(7) NULL,
    closed_at DATETIMEOFFSET(7) NULL,
    version BIGINT NOT NULL
);

CREATE UNIQUE INDEX ux_mediation_disputes_number ON mediation_disputes (number);
CREATE INDEX ix_mediation_disputes_worklist ON mediation_disputes (region_path, registered_at, id);
CREATE INDEX ix_mediation_disputes_status ON mediation_disputes (status, registered_at, id);
-- One dispute per referred petition: a redelivered referral finds it instead of opening another.
CREATE UNIQUE INDEX ux_mediation_disputes_petition ON mediation_disputes (petition_id) WHERE petition_id IS NOT NULL;

-- Parties: a person's ID number and phone encrypted, hashed and masked as intake keeps petitioners'; an organisation
-- names its unified social credit code, which is not personal data.
CREATE TABLE mediation_dispute_parties (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    dispute_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_disputes (id),
    ordinal INT NOT NULL,
    side NVARCHAR(20) NOT NULL,
    kind NVARCHAR(20) NOT NULL,
    name NVARCHAR(100) NOT NULL,
    id_number_cipher NVARCHAR(200) NULL,
    id_number_hash NVARCHAR(64) NULL,
    id_number_masked NVARCHAR(18) NULL,
    phone_cipher NVARCHAR(200) NULL,
    phone_hash NVARCHAR(64) NULL,
    phone_masked NVARCHAR(20) NULL,
    organisation_code NVARCHAR(18) NULL
);

CREATE INDEX ix_mediation_dispute_parties_dispute ON mediation_dispute_parties (dispute_id, ordinal);
CREATE INDEX ix_mediation_dispute_parties_id_hash ON mediation_dispute_parties (id_number_hash);

CREATE TABLE mediation_dispute_assistants (
    dispute_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_disputes (id),
    mediator_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_mediators (id),
    mediator_name NVARCHAR(50) NOT NULL,
    PRIMARY KEY (dispute_id, mediator_id)
);

-- Human-readable numbers per district (or the city) and year, e.g. 越城调-2026-000012.
CREATE TABLE mediation_number_counters (
    prefix NVARCHAR(20) NOT NULL,
    year INT NOT NULL,
    last_value BIGINT NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- The dispute type a referred petition's category opens as; a category not listed opens as 'other'.
CREATE TABLE mediation_referral_types (
    petition_category NVARCHAR(50) NOT NULL PRIMARY KEY,
    dispute_type NVARCHAR(50) NOT NULL REFERENCES mediation_dispute_types (code)
);

INSERT INTO mediation_referral_types (petition_category, dispute_type) VALUES
    (N'health', N'medical'),
    (N'labour_social_security', N'labour'),
    (N'property_management', N'property_management'),
    (N'land_resources', N'land_housing'),
    (N'urban_rural_construction', N'land_housing'),
    (N'transport', N'road_traffic'),
    (N'civil_affairs', N'marriage_family'),
    (N'business_environment', N'contract_debt');
