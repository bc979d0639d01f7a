-- The chain head lives in the same database as the entries, so whoever can delete the newest entries can also wind the
-- head back to the entry left last. The application now seals the head with a key kept outside the database (an HMAC
-- over its sequence, hash and forged_after); a head rewritten without the key no longer verifies. An append that finds
-- such a head records where (forged_after, covered by the next seal), so the evidence outlives later appends. The host
-- seals the existing head once, right after applying this script.
ALTER TABLE platform_audit_chain_head ADD seal VARCHAR(64) NULL, forged_after BIGINT NULL;
