-- Mediation sessions of accepted disputes, in the dispute's room with some of its mediators.
CREATE TABLE mediation_sessions (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    dispute_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_disputes (id),
    room_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_rooms (id),
    room_name NVARCHAR(100) NOT NULL,
    starts_at DATETIMEOFFSET(7) NOT NULL,
    ends_at DATETIMEOFFSET(7) NOT NULL,
    status NVARCHAR(20) NOT NULL,
    scheduled_by UNIQUEIDENTIFIER NULL,
    scheduled_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_mediation_sessions_dispute ON mediation_sessions (dispute_id, starts_at);
CREATE INDEX ix_mediation_sessions_room ON mediation_sessions (room_id, starts_at);

CREATE TABLE mediation_session_mediators (
    session_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_sessions (id),
    mediator_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_mediators (id),
    mediator_name NVARCHAR(50) NOT NULL,
    PRIMARY KEY (session_id, mediator_id)
);

-- The half-hour slots each session holds, per room and per mediator (a mediator with an account by the account, so one
-- person serving in two rooms is one resource). The primary key makes a double booking impossible on both engines, even
-- when two bookings race past the clash check.
CREATE TABLE mediation_session_slots (
    resource_kind NVARCHAR(10) NOT NULL,
    resource_key NVARCHAR(36) NOT NULL,
    slot_start NVARCHAR(20) NOT NULL,
    session_id UNIQUEIDENTIFIER NOT NULL REFERENCES mediation_sessions (id),
    PRIMARY KEY (resource_kind, resource_key, slot_start)
);

CREATE INDEX ix_mediation_session_slots_session ON mediation_session_slots (session_id);
