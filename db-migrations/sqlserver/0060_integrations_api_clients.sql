-- Third parties' API clients: each belongs to a unit, whose region subtree is its jurisdiction, and holds scopes
-- (space-separated, e.g. 'petitions:read petitions:write'). Revoked clients stay listed; their keys no longer authenticate.
CREATE TABLE integrations_api_clients (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    unit_id UNIQUEIDENTIFIER NOT NULL,
    unit_name NVARCHAR(200) NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    scopes NVARCHAR(400) NOT NULL,
    rate_limit_per_minute INT NOT NULL,
    created_by UNIQUEIDENTIFIER NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    revoked_at DATETIMEOFFSET(7) NULL,
    last_used_at DATETIMEOFFSET(7) NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_integrations_api_clients_region ON integrations_api_clients (region_path);

-- A client's secrets, as SHA-256 hashes only. After a rotation the previous secrets stay valid until expires_at (the overlap).
CREATE TABLE integrations_api_client_secrets (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    client_id UNIQUEIDENTIFIER NOT NULL REFERENCES integrations_api_clients (id),
    secret_hash NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    expires_at DATETIMEOFFSET(7) NULL
);

CREATE INDEX ix_integrations_api_client_secrets_client ON integrations_api_client_secrets (client_id);
