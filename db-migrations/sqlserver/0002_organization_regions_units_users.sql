CREATE TABLE org_regions (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    code NVARCHAR(20) NOT NULL,
    name NVARCHAR(100) NOT NULL,
    level NVARCHAR(20) NOT NULL,
    parent_id UNIQUEIDENTIFIER NULL REFERENCES org_regions (id),
    path NVARCHAR(400) NOT NULL,
    sort_order INT NOT NULL
);

CREATE UNIQUE INDEX ux_org_regions_code ON org_regions (code);
CREATE UNIQUE INDEX ux_org_regions_path ON org_regions (path);

CREATE TABLE org_units (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    kind NVARCHAR(40) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_regions (id),
    region_path NVARCHAR(400) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_org_units_region_path ON org_units (region_path, name, id);

CREATE TABLE org_users (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    user_name NVARCHAR(64) NOT NULL,
    display_name NVARCHAR(100) NOT NULL,
    unit_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_units (id),
    password_hash NVARCHAR(400) NOT NULL,
    is_disabled BIT NOT NULL,
    failed_sign_ins INT NOT NULL,
    lockout_end DATETIMEOFFSET(7) NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE UNIQUE INDEX ux_org_users_user_name ON org_users (user_name);
CREATE INDEX ix_org_users_unit ON org_users (unit_id);

CREATE TABLE org_user_roles (
    user_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_users (id),
    role NVARCHAR(40) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE org_refresh_tokens (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    user_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_users (id),
    family_id UNIQUEIDENTIFIER NOT NULL,
    token_hash NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    expires_at DATETIMEOFFSET(7) NOT NULL,
    revoked_at DATETIMEOFFSET(7) NULL,
    replaced_by_id UNIQUEIDENTIFIER NULL
);

CREATE UNIQUE INDEX ux_org_refresh_tokens_hash ON org_refresh_tokens (token_hash);
CREATE INDEX ix_org_refresh_tokens_family ON org_refresh_tokens (family_id);
