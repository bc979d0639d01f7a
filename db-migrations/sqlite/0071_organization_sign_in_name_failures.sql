-- Wrong passwords per user name from all client addresses together (beside org_sign_in_failures, per name and address):
-- past a threshold each further one delays every sign-in to the name until delay_until, so guessing from many addresses
-- gains little. Unknown names are counted the same way, so the table tells nothing about which names exist.
CREATE TABLE org_sign_in_name_failures (
    user_name TEXT NOT NULL PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failed_at TEXT NOT NULL,
    delay_until TEXT NULL
);

CREATE INDEX ix_org_sign_in_name_failures_last_failed_at ON org_sign_in_name_failures (last_failed_at);
