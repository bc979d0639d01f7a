-- Representatives 代理人/代表 of a dispute's sides: a relative, a lawyer, an elected representative of many parties, ...
-- Their ID number and contact phone are encrypted, hashed and masked as the parties' are. How many a side may name is
-- rule-set data (mediation.representativeLimits), checked when one is added.
CREATE TABLE mediation_dispute_representatives (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    dispute_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_disputes (id),
    side NVARCHAR(20) NOT NULL,
    name NVARCHAR(100) NOT NULL,
    role NVARCHAR(30) NOT NULL,
    relation NVARCHAR(50) NULL,
    id_number_cipher NVARCHAR(200) NULL,
    id_number_hash NVARCHAR(64) NULL,
    id_number_masked NVARCHAR(18) NULL,
    phone_cipher NVARCHAR(200) NOT NULL,
    phone_hash NVARCHAR(64) NOT NULL,
    phone_masked NVARCHAR(20) NOT NULL,
    added_by UNIQUEIDENTIFIER NULL,
    added_at DATETIMEOFFSET NOT NULL
);

CREATE INDEX ix_mediation_dispute_representatives_dispute ON mediation_dispute_representatives (dispute_id, side, added_at);
CREATE INDEX ix_mediation_dispute_representatives_id_hash ON mediation_dispute_representatives (id_number_hash);
