-- Events of one instant (one transaction, or a stopped test clock) tied on occurred_at, and a replay of the history broke
-- the tie by the random part of their ids: a reply could be replayed before the overdue notice it followed, leaving the
-- case in the metrics' backlog for good. The order in which events were stored breaks the tie now: a number the database
-- gives each message on insert. SQLite cannot add such a column to a table, so the table is rebuilt around it, keeping
-- the messages in the order they were stored.
CREATE TABLE outbox_messages_ordered (
    store_order INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
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

INSERT INTO outbox_messages_ordered (id, type, payload, occurred_at, stored_at, attempts, lease_owner, lease_until, processed_at, last_error)
SELECT id, type, payload, occurred_at, stored_at, attempts, lease_owner, lease_until, processed_at, last_error
FROM outbox_messages
ORDER BY stored_at, id;

DROP TABLE outbox_messages;

ALTER TABLE outbox_messages_ordered RENAME TO outbox_messages;

CREATE INDEX ix_outbox_messages_pending ON outbox_messages (processed_at, stored_at, id);

-- A replay of the history reads a page at a time in this order; the type is in the key so the filter on the replayed
-- types reads no row it skips, and without the index every page scanned and sorted the whole outbox.
CREATE INDEX ix_outbox_messages_history ON outbox_messages (occurred_at, store_order, type);
