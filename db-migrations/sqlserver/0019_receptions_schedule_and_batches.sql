-- Leaders' reception days, departments' duties, appointments and visits (one table, told apart by kind), the batches
-- received at them and the named petitioners of each batch (personal data encrypted, hashed and masked as in intake).
CREATE TABLE receptions_receptions (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    kind NVARCHAR(200) NOT NULL,
    status NVARCHAR(200) NOT NULL,
    level NVARCHAR(200) NOT NULL,
    host_user_id UNIQUEIDENTIFIER NULL,
    host_name NVARCHAR(200) NULL,
    unit_id UNIQUEIDENTIFIER NULL,
    unit_name NVARCHAR(200) NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    day DATE NOT NULL,
    starts_at NVARCHAR(5) NOT NULL,
    ends_at NVARCHAR(5) NOT NULL,
    place NVARCHAR(200) NOT NULL,
    theme NVARCHAR(1000) NULL,
    purpose NVARCHAR(4000) NULL,
    is_published BIT NOT NULL,
    petition_id UNIQUEIDENTIFIER NULL,
    petition_number NVARCHAR(200) NULL,
    cancel_reason NVARCHAR(1000) NULL,
    held_at DATETIMEOFFSET(7) NULL,
    cancelled_at DATETIMEOFFSET(7) NULL,
    scheduled_by UNIQUEIDENTIFIER NULL,
    scheduled_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_receptions_receptions_region_day ON receptions_receptions (region_path, day);
CREATE INDEX ix_receptions_receptions_published ON receptions_receptions (is_published, day);

-- A batch carries the keys the figures count by (kind, level, host, unit, region, day), copied from its reception when
-- recorded, so the figures read this table alone, as a consumer of the batch events would hold them.
CREATE TABLE receptions_batches (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    reception_id UNIQUEIDENTIFIER NOT NULL REFERENCES receptions_receptions (id),
    ordinal INT NOT NULL,
    persons INT NOT NULL,
    matter NVARCHAR(4000) NOT NULL,
    petition_id UNIQUEIDENTIFIER NULL,
    petition_number NVARCHAR(200) NULL,
    petition_registered BIT NOT NULL,
    outcome NVARCHAR(200) NOT NULL,
    instruction NVARCHAR(4000) NULL,
    is_must_visit BIT NOT NULL,
    in_charge_user_id UNIQUEIDENTIFIER NULL,
    in_charge_name NVARCHAR(200) NULL,
    case_id UNIQUEIDENTIFIER NULL,
    case_number NVARCHAR(200) NULL,
    in_charge_at DATETIMEOFFSET(7) NULL,
    kind NVARCHAR(200) NOT NULL,
    level NVARCHAR(200) NOT NULL,
    host_user_id UNIQUEIDENTIFIER NULL,
    host_name NVARCHAR(200) NULL,
    unit_id UNIQUEIDENTIFIER NULL,
    region_path NVARCHAR(400) NOT NULL,
    day DATE NOT NULL,
    recorded_by UNIQUEIDENTIFIER NULL,
    recorded_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE UNIQUE INDEX ux_receptions_batches_reception ON receptions_batches (reception_id, ordinal);
CREATE INDEX ix_receptions_batches_region_day ON receptions_batches (region_path, day);

CREATE TABLE receptions_batch_petitioners (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    batch_id UNIQUEIDENTIFIER NOT NULL REFERENCES receptions_batches (id),
    ordinal INT NOT NULL,
    name NVARCHAR(200) NOT NULL,
    id_number_cipher NVARCHAR(400) NULL,
    id_number_hash NVARCHAR(64) NULL,
    id_number_masked NVARCHAR(200) NULL,
    phone_cipher NVARCHAR(400) NULL,
    phone_hash NVARCHAR(64) NULL,
    phone_masked NVARCHAR(200) NULL
);

CREATE INDEX ix_receptions_batch_petitioners_batch ON receptions_batch_petitioners (batch_id, ordinal);
CREATE INDEX ix_receptions_batch_petitioners_id_hash ON receptions_batch_petitioners (id_number_hash);
