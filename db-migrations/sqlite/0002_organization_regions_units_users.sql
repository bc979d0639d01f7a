CREATE TABLE org_regions (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    parent_id TEXT NULL REFERENCES org_regions (id),
    path TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_org_regions_code ON org_regions (code);
CREATE UNIQUE INDEX ux_org_regions_path ON org_regions (path);

CREATE TABLE org_units (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    region_id TEXT NOT NULL REFERENCES org_regions (id),
    region_path TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_org_units_region_path ON org_units (region_path, name, id);

CREATE TABLE org_users (
    id TEXT NOT NULL PRIMARY KEY,
    user_name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES org_units (id),
    password_hash TEXT NOT NULL,
    is_disabled INTEGER NOT NULL,
    failed_sign_ins INTEGER NOT NULL,
    lockout_end TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_org_users_user_name ON org_users (user_name);
CREATE INDEX ix_org_users_unit ON org_users (unit_id);

CREATE TABLE org_user_roles (
    user_id TEXT NOT NULL REFERENCES org_users (id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE org_refresh_tokens (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES org_users (id),
    family_id TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT NULL,
    replaced_by_id TEXT NULL
);

CREATE UNIQUE INDEX ux_org_refresh_tokens_hash ON org_refresh_tokens (token_hash);
CREATE INDEX ix_org_refresh_tokens_family ON org_refresh_tokens (family_id);
