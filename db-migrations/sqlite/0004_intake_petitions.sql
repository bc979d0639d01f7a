CREATE TABLE intake_categories (
    code TEXT NOT NULL PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

INSERT INTO intake_categories (code, name_zh, name_en, sort_order) VALUES
    ('urban_rural_construction', '城乡建设', 'Urban and rural construction', 1),
    ('land_resources', '国土资源', 'Land and resources', 2),
    ('labour_social_security', '劳动社保', 'Labour and social security', 3),
    ('agriculture_rural', '农业农村', 'Agriculture and rural affairs', 4),
    ('health', '卫生健康', 'Health', 5),
    ('education', '教育', 'Education', 6),
    ('civil_affairs', '民政', 'Civil affairs', 7),
    ('politics_law', '政法', 'Politics and law', 8),
    ('transport', '交通运输', 'Transport', 9),
    ('ecology_environment', '生态环境', 'Ecology and environment', 10),
    ('business_environment', '企业营商环境', 'Business environment', 11),
    ('property_management', '物业管理', 'Property management', 12),
    ('other', '其他', 'Other', 13);

CREATE TABLE intake_petitions (
    id TEXT NOT NULL PRIMARY KEY,
    number TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    registrar_unit_id TEXT NULL,
    registrar_region_path TEXT NOT NULL,
    registered_by TEXT NULL,
    received_at TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    acceptance_due TEXT NOT NULL,
    category TEXT NOT NULL,
    persons INTEGER NOT NULL,
    request_text TEXT NOT NULL,
    facts_text TEXT NOT NULL,
    reasons_text TEXT NOT NULL,
    channel_reference TEXT NULL,
    is_first_time INTEGER NOT NULL,
    is_repeat INTEGER NOT NULL,
    is_skip_level INTEGER NOT NULL,
    is_collective INTEGER NOT NULL,
    is_business INTEGER NOT NULL,
    is_cross_boundary INTEGER NOT NULL,
    is_urgent INTEGER NOT NULL,
    flag_reasons TEXT NOT NULL,
    text_signature TEXT NOT NULL,
    decision TEXT NULL,
    decision_reason TEXT NULL,
    decision_notice TEXT NULL,
    legal_channel TEXT NULL,
    decided_at TEXT NULL,
    decided_by TEXT NULL,
    suggested_unit_id TEXT NULL,
    merged_into_id TEXT NULL,
    tracking_code TEXT NULL,
    tracking_secret_hash TEXT NULL,
    version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_intake_petitions_number ON intake_petitions (number);
CREATE UNIQUE INDEX ux_intake_petitions_tracking_code ON intake_petitions (tracking_code) WHERE tracking_code IS NOT NULL;
CREATE INDEX ix_intake_petitions_received ON intake_petitions (received_at, id);
CREATE INDEX ix_intake_petitions_region_received ON intake_petitions (region_path, received_at, id);
CREATE INDEX ix_intake_petitions_registrar_received ON intake_petitions (registrar_unit_id, received_at, id);
CREATE INDEX ix_intake_petitions_status_due ON intake_petitions (status, acceptance_due);

CREATE TABLE intake_petitioners (
    id TEXT NOT NULL PRIMARY KEY,
    petition_id TEXT NOT NULL REFERENCES intake_petitions (id),
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    id_number_cipher TEXT NULL,
    id_number_hash TEXT NULL,
    id_number_masked TEXT NULL,
    phone_cipher TEXT NULL,
    phone_hash TEXT NULL,
    phone_masked TEXT NULL,
    address TEXT NULL,
    is_representative INTEGER NOT NULL
);

CREATE INDEX ix_intake_petitioners_petition ON intake_petitioners (petition_id, ordinal);
CREATE INDEX ix_intake_petitioners_id_hash ON intake_petitioners (id_number_hash, petition_id);

CREATE TABLE intake_text_keys (
    band_key TEXT NOT NULL,
    region_id TEXT NOT NULL,
    category TEXT NOT NULL,
    received_at TEXT NOT NULL,
    petition_id TEXT NOT NULL REFERENCES intake_petitions (id),
    PRIMARY KEY (region_id, category, band_key, petition_id)
);

CREATE TABLE intake_attachments (
    id TEXT NOT NULL PRIMARY KEY,
    petition_id TEXT NOT NULL REFERENCES intake_petitions (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by TEXT NULL,
    uploaded_at TEXT NOT NULL
);

CREATE INDEX ix_intake_attachments_petition ON intake_attachments (petition_id, uploaded_at);

CREATE TABLE intake_links (
    petition_id TEXT NOT NULL REFERENCES intake_petitions (id),
    linked_petition_id TEXT NOT NULL REFERENCES intake_petitions (id),
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NULL,
    PRIMARY KEY (petition_id, linked_petition_id)
);

CREATE TABLE intake_timeline (
    id TEXT NOT NULL PRIMARY KEY,
    petition_id TEXT NOT NULL REFERENCES intake_petitions (id),
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    is_public INTEGER NOT NULL,
    text TEXT NOT NULL,
    actor_unit_name TEXT NULL,
    actor_user_id TEXT NULL
);

CREATE INDEX ix_intake_timeline_petition ON intake_timeline (petition_id, occurred_at);

CREATE TABLE intake_number_counters (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

CREATE TABLE intake_routing_rules (
    id TEXT NOT NULL PRIMARY KEY,
    category TEXT NOT NULL,
    region_path TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_intake_routing_rules ON intake_routing_rules (category, region_path);
