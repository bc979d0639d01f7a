-- The dispute types mediation works with, as data: rooms list them as specialties, mediators have one, disputes (later) one.
CREATE TABLE mediation_dispute_types (
    code NVARCHAR(50) NOT NULL PRIMARY KEY,
    name_zh NVARCHAR(100) NOT NULL,
    name_en NVARCHAR(100) NOT NULL,
    sort_order INT NOT NULL
);

INSERT INTO mediation_dispute_types (code, name_zh, name_en, sort_order) VALUES
    (N'medical', N'医疗纠纷', N'Medical', 1),
    (N'road_traffic', N'道路交通事故纠纷', N'Road traffic', 2),
    (N'property_management', N'物业纠纷', N'Property management', 3),
    (N'labour', N'劳动争议', N'Labour', 4),
    (N'marriage_family', N'婚姻家庭纠纷', N'Marriage and family', 5),
    (N'neighbourhood', N'邻里纠纷', N'Neighbourhood', 6),
    (N'land_housing', N'土地房屋纠纷', N'Land and housing', 7),
    (N'contract_debt', N'合同债务纠纷', N'Contracts and debts', 8),
    (N'consumer', N'消费纠纷', N'Consumer', 9),
    (N'other', N'其他纠纷', N'Other', 10);

-- Brand rooms, industry committees and village or town people's mediation committees, in the region they serve.
CREATE TABLE mediation_rooms (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    kind NVARCHAR(50) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    address NVARCHAR(200) NOT NULL,
    opening_hours NVARCHAR(200) NOT NULL,
    intro NVARCHAR(2000) NULL,
    created_by UNIQUEIDENTIFIER NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_mediation_rooms_region_name ON mediation_rooms (region_path, name, id);

CREATE TABLE mediation_room_specialties (
    room_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_rooms (id),
    dispute_type NVARCHAR(50) NOT NULL REFERENCES mediation_dispute_types (code),
    PRIMARY KEY (room_id, dispute_type)
);

-- A mediator of one room; a user account (role mediator) is optional: a village elder who mediates has none.
CREATE TABLE mediation_mediators (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    room_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_rooms (id),
    name NVARCHAR(50) NOT NULL,
    specialty NVARCHAR(50) NOT NULL REFERENCES mediation_dispute_types (code),
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    user_id UNIQUEIDENTIFIER NULL,
    user_display_name NVARCHAR(200) NULL,
    is_retired BIT NOT NULL,
    retired_at DATETIMEOFFSET(7) NULL,
    added_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_mediation_mediators_room ON mediation_mediators (room_id, is_retired, name);
CREATE INDEX ix_mediation_mediators_user ON mediation_mediators (user_id);
