CREATE TABLE idempotency_records (
    owner NVARCHAR(64) NOT NULL,
    idempotency_key NVARCHAR(200) NOT NULL,
    request_hash NVARCHAR(64) NOT NULL,
    status_code INT NULL,
    response_body NVARCHAR(MAX) NULL,
    location NVARCHAR(400) NULL,
    etag NVARCHAR(100) NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    PRIMARY KEY (owner, idempotency_key)
);
