-- Events of one instant (one transaction, or a stopped test clock) tied on occurred_at, and a replay of the history broke
-- the tie by the random part of their ids: a reply could be replayed before the overdue notice it followed, leaving the
-- case in the metrics' backlog for good. The order in which events were stored breaks the tie now: a number the database
-- gives each message on insert (messages stored before this script are numbered in no particular order).
ALTER TABLE outbox_messages ADD store_order BIGINT IDENTITY(1, 1) NOT NULL;
GO

-- A replay of the history reads a page at a time in this order; the type is included so the filter on the replayed
-- types reads no row it skips, and without the index every page scanned and sorted the whole outbox.
CREATE INDEX ix_outbox_messages_history ON outbox_messages (occurred_at, store_order) INCLUDE (type);
