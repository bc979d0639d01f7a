-- Third parties' API clients: each belongs to a unit, whose region subtree is its jurisdiction, and holds scopes
-- (space-separated, e.g. 'petitions:read petitions:write'). Revoked clients stay listed; their keys no longer authenticate.
CREATE TABLE integrations_api_clients (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    region_path TEXT NOT NULL,
    scopes TEXT NOT NULL,
    rate_limit_per_minute INTEGER NOT NULL,
    created_by TEXT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL,
    last_used_at TEXT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_integrations_api_clients_region ON integrations_api_clients (region_path);

-- A client's secrets, as SHA-256 hashes only. After a rotation the previous secrets stay valid until expires_at (the overlap).
CREATE TABLE integrations_api_client_secrets (
    id TEXT NOT NULL PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES integrations_api_clients (id),
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NULL
);

CREATE INDEX ix_integrations_api_client_secrets_client ON integrations_api_client_secrets (client_id);
