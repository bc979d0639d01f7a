-- Files the lead unit uploads for its written reply; replied_at is set when a reply sends the file, so one file goes out with one reply only.
CREATE TABLE dispatch_case_attachments (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES dispatch_cases (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by TEXT NULL,
    uploaded_by_name TEXT NULL,
    uploaded_at TEXT NOT NULL,
    replied_at TEXT NULL
);

CREATE INDEX ix_dispatch_case_attachments_case ON dispatch_case_attachments (case_id, uploaded_at);
