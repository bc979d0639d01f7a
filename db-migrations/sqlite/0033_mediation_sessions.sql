-- Mediation sessions of accepted disputes, in the dispute's room with some of its mediators.
CREATE TABLE mediation_sessions (
    id TEXT NOT NULL PRIMARY KEY,
    dispute_id TEXT NOT NULL REFERENCES mediation_disputes (id),
    room_id TEXT NOT NULL REFERENCES mediation_rooms (id),
    room_name TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    status TEXT NOT NULL,
    scheduled_by TEXT NULL,
    scheduled_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_mediation_sessions_dispute ON mediation_sessions (dispute_id, starts_at);
CREATE INDEX ix_mediation_sessions_room ON mediation_sessions (room_id, starts_at);

CREATE TABLE mediation_session_mediators (
    session_id TEXT NOT NULL REFERENCES mediation_sessions (id),
    mediator_id TEXT NOT NULL REFERENCES mediation_mediators (id),
    mediator_name TEXT NOT NULL,
    PRIMARY KEY (session_id, mediator_id)
);

-- The half-hour slots each session holds, per room and per mediator (a mediator with an account by the account, so one
-- person serving in two rooms is one resource). The primary key makes a double booking impossible on both engines, even
-- when two bookings race past the clash check.
CREATE TABLE mediation_session_slots (
    resource_kind TEXT NOT NULL,
    resource_key TEXT NOT NULL,
    slot_start TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES mediation_sessions (id),
    PRIMARY KEY (resource_kind, resource_key, slot_start)
);

CREATE INDEX ix_mediation_session_slots_session ON mediation_session_slots (session_id);
