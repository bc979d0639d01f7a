-- Files the lead unit uploads for its written reply; replied_at is set when a reply sends the file, so one file goes out with one reply only.
CREATE TABLE dispatch_case_attachments (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    case_id UNIQUEIDENTIFIER NOT NULL REFERENCES dispatch_cases (id),
    file_name NVARCHAR(260) NOT NULL,
    content_type NVARCHAR(200) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 NVARCHAR(64) NOT NULL,
    storage_key NVARCHAR(300) NOT NULL,
    uploaded_by UNIQUEIDENTIFIER NULL,
    uploaded_by_name NVARCHAR(200) NULL,
    uploaded_at DATETIMEOFFSET(7) NOT NULL,
    replied_at DATETIMEOFFSET(7) NULL
);

CREATE INDEX ix_dispatch_case_attachments_case ON dispatch_case_attachments (case_id, uploaded_at);
