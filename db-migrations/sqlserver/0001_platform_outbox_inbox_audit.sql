CREATE TABLE outbox_messages (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    type NVARCHAR(200) NOT NULL,
    payload NVARCHAR(MAX) NOT NULL,
    occurred_at DATETIMEOFFSET(7) NOT NULL,
    stored_at DATETIMEOFFSET(7) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    lease_owner NVARCHAR(64) NULL,
    lease_until DATETIMEOFFSET(7) NULL,
    processed_at DATETIMEOFFSET(7) NULL,
    last_error NVARCHAR(2000) NULL
);

CREATE CLUSTERED INDEX cx_outbox_messages_stored ON outbox_messages (stored_at, id);
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (processed_at, stored_at, id);

CREATE TABLE inbox_messages (
    consumer NVARCHAR(300) NOT NULL,
    message_id UNIQUEIDENTIFIER NOT NULL,
    processed_at DATETIMEOFFSET(7) NOT NULL,
    PRIMARY KEY (consumer, message_id)
);

CREATE TABLE audit_entries (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    occurred_at DATETIMEOFFSET(7) NOT NULL,
    actor_user_id UNIQUEIDENTIFIER NULL,
    actor_unit_id UNIQUEIDENTIFIER NULL,
    action NVARCHAR(200) NOT NULL,
    object_type NVARCHAR(100) NOT NULL,
    object_id UNIQUEIDENTIFIER NULL,
    before_json NVARCHAR(MAX) NULL,
    after_json NVARCHAR(MAX) NULL,
    trace_id NVARCHAR(64) NULL
);

CREATE INDEX ix_audit_entries_object ON audit_entries (object_type, object_id, occurred_at);
CREATE INDEX ix_audit_entries_actor ON audit_entries (actor_user_id, occurred_at);
