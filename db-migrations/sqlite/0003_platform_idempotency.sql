CREATE TABLE idempotency_records (
    owner TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NULL,
    response_body TEXT NULL,
    location TEXT NULL,
    etag TEXT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (owner, idempotency_key)
);
