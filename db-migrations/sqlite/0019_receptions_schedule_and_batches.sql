-- Leaders' reception days, departments' duties, appointments and visits (one table, told apart by kind), the batches
-- received at them and the named petitioners of each batch (personal data encrypted, hashed and masked as in intake).
CREATE TABLE receptions_receptions (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    level TEXT NOT NULL,
    host_user_id TEXT NULL,
    host_name TEXT NULL,
    unit_id TEXT NULL,
    unit_name TEXT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    day TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL,
    theme TEXT NULL,
    purpose TEXT NULL,
    is_published INTEGER NOT NULL,
    petition_id TEXT NULL,
    petition_number TEXT NULL,
    cancel_reason TEXT NULL,
    held_at TEXT NULL,
    cancelled_at TEXT NULL,
    scheduled_by TEXT NULL,
    scheduled_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_receptions_receptions_region_day ON receptions_receptions (region_path, day);
CREATE INDEX ix_receptions_receptions_published ON receptions_receptions (is_published, day);

-- A batch carries the keys the figures count by (kind, level, host, unit, region, day), copied from its reception when
-- recorded, so the figures read this table alone, as a consumer of the batch events would hold them.
CREATE TABLE receptions_batches (
    id TEXT NOT NULL PRIMARY KEY,
    reception_id TEXT NOT NULL REFERENCES receptions_receptions (id),
    ordinal INTEGER NOT NULL,
    persons INTEGER NOT NULL,
    matter TEXT NOT NULL,
    petition_id TEXT NULL,
    petition_number TEXT NULL,
    petition_registered INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    instruction TEXT NULL,
    is_must_visit INTEGER NOT NULL,
    in_charge_user_id TEXT NULL,
    in_charge_name TEXT NULL,
    case_id TEXT NULL,
    case_number TEXT NULL,
    in_charge_at TEXT NULL,
    kind TEXT NOT NULL,
    level TEXT NOT NULL,
    host_user_id TEXT NULL,
    host_name TEXT NULL,
    unit_id TEXT NULL,
    region_path TEXT NOT NULL,
    day TEXT NOT NULL,
    recorded_by TEXT NULL,
    recorded_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_receptions_batches_reception ON receptions_batches (reception_id, ordinal);
CREATE INDEX ix_receptions_batches_region_day ON receptions_batches (region_path, day);

CREATE TABLE receptions_batch_petitioners (
    id TEXT NOT NULL PRIMARY KEY,
    batch_id TEXT NOT NULL REFERENCES receptions_batches (id),
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    id_number_cipher TEXT NULL,
    id_number_hash TEXT NULL,
    id_number_masked TEXT NULL,
    phone_cipher TEXT NULL,
    phone_hash TEXT NULL,
    phone_masked TEXT NULL
);

CREATE INDEX ix_receptions_batch_petitioners_batch ON receptions_batch_petitioners (batch_id, ordinal);
CREATE INDEX ix_receptions_batch_petitioners_id_hash ON receptions_batch_petitioners (id_number_hash);
