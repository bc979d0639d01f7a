CREATE TABLE outbox_messages (
    id TEXT NOT NULL PRIMARY KEY,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT NULL,
    lease_until TEXT NULL,
    processed_at TEXT NULL,
    last_error TEXT NULL
);

CREATE INDEX ix_outbox_messages_pending ON outbox_messages (processed_at, stored_at, id);

CREATE TABLE inbox_messages (
    consumer TEXT NOT NULL,
    message_id TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    PRIMARY KEY (consumer, message_id)
);

CREATE TABLE audit_entries (
    id TEXT NOT NULL PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor_user_id TEXT NULL,
    actor_unit_id TEXT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NULL,
    before_json TEXT NULL,
    after_json TEXT NULL,
    trace_id TEXT NULL
);

CREATE INDEX ix_audit_entries_object ON audit_entries (object_type, object_id, occurred_at);
CREATE INDEX ix_audit_entries_actor ON audit_entries (actor_user_id, occurred_at);
