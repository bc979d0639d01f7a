CREATE TABLE intake_categories (
    code NVARCHAR(100) NOT NULL PRIMARY KEY,
    name_zh NVARCHAR(100) NOT NULL,
    name_en NVARCHAR(100) NOT NULL,
    sort_order INT NOT NULL
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
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    number NVARCHAR(40) NOT NULL,
    channel NVARCHAR(100) NOT NULL,
    status NVARCHAR(100) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(100) NOT NULL,
    registrar_unit_id UNIQUEIDENTIFIER NULL,
    registrar_region_path NVARCHAR(400) NOT NULL,
    registered_by UNIQUEIDENTIFIER NULL,
    received_at DATETIMEOFFSET(7) NOT NULL,
    registered_at DATETIMEOFFSET(7) NOT NULL,
    acceptance_due DATE NOT NULL,
    category NVARCHAR(100) NOT NULL,
    persons INT NOT NULL,
    request_text NVARCHAR(MAX) NOT NULL,
    facts_text NVARCHAR(MAX) NOT NULL,
    reasons_text NVARCHAR(MAX) NOT NULL,
    channel_reference NVARCHAR(200) NULL,
    is_first_time BIT NOT NULL,
    is_repeat BIT NOT NULL,
    is_skip_level BIT NOT NULL,
    is_collective BIT NOT NULL,
    is_business BIT NOT NULL,
    is_cross_boundary BIT NOT NULL,
    is_urgent BIT NOT NULL,
    flag_reasons NVARCHAR(MAX) NOT NULL,
    text_signature NVARCHAR(300) NOT NULL,
    decision NVARCHAR(100) NULL,
    decision_reason NVARCHAR(2000) NULL,
    decision_notice NVARCHAR(MAX) NULL,
    legal_channel NVARCHAR(100) NULL,
    decided_at DATETIMEOFFSET(7) NULL,
    decided_by UNIQUEIDENTIFIER NULL,
    suggested_unit_id UNIQUEIDENTIFIER NULL,
    merged_into_id UNIQUEIDENTIFIER NULL,
    tracking_code NVARCHAR(100) NULL,
    tracking_secret_hash NVARCHAR(64) NULL,
    version BIGINT NOT NULL
);

CREATE UNIQUE INDEX ux_intake_petitions_number ON intake_petitions (number);
CREATE UNIQUE INDEX ux_intake_petitions_tracking_code ON intake_petitions (tracking_code) WHERE tracking_code IS NOT NULL;
CREATE INDEX ix_intake_petitions_received ON intake_petitions (received_at, id);
CREATE INDEX ix_intake_petitions_region_received ON intake_petitions (region_path, received_at, id);
CREATE INDEX ix_intake_petitions_registrar_received ON intake_petitions (registrar_unit_id, received_at, id);
CREATE INDEX ix_intake_petitions_status_due ON intake_petitions (status, acceptance_due);

CREATE TABLE intake_petitioners (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    petition_id UNIQUEIDENTIFIER NOT NULL REFERENCES intake_petitions (id),
    ordinal INT NOT NULL,
    name NVARCHAR(100) NOT NULL,
    id_number_cipher NVARCHAR(200) NULL,
    id_number_hash NVARCHAR(64) NULL,
    id_number_masked NVARCHAR(100) NULL,
    phone_cipher NVARCHAR(200) NULL,
    phone_hash NVARCHAR(64) NULL,
    phone_masked NVARCHAR(100) NULL,
    address NVARCHAR(400) NULL,
    is_representative BIT NOT NULL
);

CREATE INDEX ix_intake_petitioners_petition ON intake_petitioners (petition_id, ordinal);
CREATE INDEX ix_intake_petitioners_id_hash ON intake_petitioners (id_number_hash, petition_id);

CREATE TABLE intake_text_keys (
    band_key NVARCHAR(100) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    category NVARCHAR(100) NOT NULL,
    received_at DATETIMEOFFSET(7) NOT NULL,
    petition_id UNIQUEIDENTIFIER NOT NULL REFERENCES intake_petitions (id),
    PRIMARY KEY (region_id, category, band_key, petition_id)
);

CREATE TABLE intake_attachments (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    petition_id UNIQUEIDENTIFIER NOT NULL REFERENCES intake_petitions (id),
    file_name NVARCHAR(260) NOT NULL,
    content_type NVARCHAR(200) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 NVARCHAR(64) NOT NULL,
    storage_key NVARCHAR(300) NOT NULL,
    uploaded_by UNIQUEIDENTIFIER NULL,
    uploaded_at DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_intake_attachments_petition ON intake_attachments (petition_id, uploaded_at);

CREATE TABLE intake_links (
    petition_id UNIQUEIDENTIFIER NOT NULL REFERENCES intake_petitions (id),
    linked_petition_id UNIQUEIDENTIFIER NOT NULL REFERENCES intake_petitions (id),
    kind NVARCHAR(100) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    created_by UNIQUEIDENTIFIER NULL,
    PRIMARY KEY (petition_id, linked_petition_id)
);

CREATE TABLE intake_timeline (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    petition_id UNIQUEIDENTIFIER NOT NULL REFERENCES intake_petitions (id),
    occurred_at DATETIMEOFFSET(7) NOT NULL,
    kind NVARCHAR(100) NOT NULL,
    is_public BIT NOT NULL,
    text NVARCHAR(MAX) NOT NULL,
    actor_unit_name NVARCHAR(200) NULL,
    actor_user_id UNIQUEIDENTIFIER NULL
);

CREATE INDEX ix_intake_timeline_petition ON intake_timeline (petition_id, occurred_at);

CREATE TABLE intake_number_counters (
    prefix NVARCHAR(100) NOT NULL,
    year INT NOT NULL,
    last_value BIGINT NOT NULL,
    PRIMARY KEY (prefix, year)
);

CREATE TABLE intake_routing_rules (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    category NVARCHAR(100) NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    unit_id UNIQUEIDENTIFIER NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL
);

CREATE UNIQUE INDEX ux_intake_routing_rules ON intake_routing_rules (category, region_path);
