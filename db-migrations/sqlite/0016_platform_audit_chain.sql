-- Tamper evidence: every audit entry carries its place in one global chain, the hash of its predecessor and its own hash
-- (SHA-256 over its fields and the previous hash, computed by the application). Entries written before this script stay
-- outside the chain (sequence NULL); the chain starts with the first entry written after it.
ALTER TABLE audit_entries ADD COLUMN sequence INTEGER NULL;
ALTER TABLE audit_entries ADD COLUMN previous_hash TEXT NULL;
ALTER TABLE audit_entries ADD COLUMN entry_hash TEXT NULL;

-- The audit viewer shows a caller the entries of actors within their jurisdiction, and entries about accusation
-- material to discipline inspectors only; both facts are kept on the entry (and covered by its hash).
ALTER TABLE audit_entries ADD COLUMN actor_region_path TEXT NULL;
ALTER TABLE audit_entries ADD COLUMN discipline_only INTEGER NOT NULL DEFAULT 0;

UPDATE audit_entries
SET actor_region_path = (SELECT u.region_path FROM org_units u WHERE u.id = audit_entries.actor_unit_id);

CREATE UNIQUE INDEX ux_audit_entries_sequence ON audit_entries (sequence) WHERE sequence IS NOT NULL;
CREATE INDEX ix_audit_entries_occurred ON audit_entries (occurred_at, id);

-- The chain's last link. Writers update this one row first in the transaction that appends, so concurrent writers
-- (several instances on SQL Server) take turns on it and the chain never forks.
CREATE TABLE platform_audit_chain_head (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_sequence INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);

INSERT INTO platform_audit_chain_head (id, last_sequence, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
