-- The dispute types mediation works with, as data: rooms list them as specialties, mediators have one, disputes (later) one.
CREATE TABLE mediation_dispute_types (
    code TEXT NOT NULL PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

INSERT INTO mediation_dispute_types (code, name_zh, name_en, sort_order) VALUES
    ('medical', '医疗纠纷', 'Medical', 1),
    ('road_traffic', '道路交通事故纠纷', 'Road traffic', 2),
    ('property_management', '物业纠纷', 'Property management', 3),
    ('labour', '劳动争议', 'Labour', 4),
    ('marriage_family', '婚姻家庭纠纷', 'Marriage and family', 5),
    ('neighbourhood', '邻里纠纷', 'Neighbourhood', 6),
    ('land_housing', '土地房屋纠纷', 'Land and housing', 7),
    ('contract_debt', '合同债务纠纷', 'Contracts and debts', 8),
    ('consumer', '消费纠纷', 'Consumer', 9),
    ('other', '其他纠纷', 'Other', 10);

-- Brand rooms, industry committees and village or town people's mediation committees, in the region they serve.
CREATE TABLE mediation_rooms (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    address TEXT NOT NULL,
    opening_hours TEXT NOT NULL,
    intro TEXT NULL,
    created_by TEXT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_mediation_rooms_region_name ON mediation_rooms (region_path, name, id);

CREATE TABLE mediation_room_specialties (
    room_id TEXT NOT NULL REFERENCES mediation_rooms (id),
    dispute_type TEXT NOT NULL REFERENCES mediation_dispute_types (code),
    PRIMARY KEY (room_id, dispute_type)
);

-- A mediator of one room; a user account (role mediator) is optional: a village elder who mediates has none.
CREATE TABLE mediation_mediators (
    id TEXT NOT NULL PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES mediation_rooms (id),
    name TEXT NOT NULL,
    specialty TEXT NOT NULL REFERENCES mediation_dispute_types (code),
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    user_id TEXT NULL,
    user_display_name TEXT NULL,
    is_retired INTEGER NOT NULL,
    retired_at TEXT NULL,
    added_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_mediation_mediators_room ON mediation_mediators (room_id, is_retired, name);
CREATE INDEX ix_mediation_mediators_user ON mediation_mediators (user_id);
