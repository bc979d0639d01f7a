-- A replay of the event history (the metrics' rebuild) reads the outbox a page at a time in the order the events happened.
-- Without this index every page scanned and sorted the whole outbox, so a rebuild grew with the square of the history
-- (see docs/performance.md). The type is in the key so the filter on the replayed types reads no row it skips.
CREATE INDEX ix_outbox_messages_history ON outbox_messages (occurred_at, id, type);
