-- Representatives 代理人/代表 of a dispute's sides: a relative, a lawyer, an elected representative of many parties, ...
-- Their ID number and contact phone are encrypted, hashed and masked as the parties' are. How many a side may name is
-- rule-set data (mediation.representativeLimits), checked when one is added.
CREATE TABLE mediation_dispute_representatives (
    id TEXT NOT NULL PRIMARY KEY,
    dispute_id TEXT NOT NULL REFERENCES mediation_disputes (id),
    side TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    relation TEXT NULL,
    id_number_cipher TEXT NULL,
    id_number_hash TEXT NULL,
    id_number_masked TEXT NULL,
    phone_cipher TEXT NOT NULL,
    phone_hash TEXT NOT NULL,
    phone_masked TEXT NOT NULL,
    added_by TEXT NULL,
    added_at TEXT NOT NULL
);

CREATE INDEX ix_mediation_dispute_representatives_dispute ON mediation_dispute_representatives (dispute_id, side, added_at);
CREATE INDEX ix_mediation_dispute_representatives_id_hash ON mediation_dispute_representatives (id_number_hash);
