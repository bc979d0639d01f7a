-- Exports of indicator tables, rankings and daily facts run as background jobs: the caller polls the row for progress and
-- downloads the file while it is kept. created_by, creator_unit_id and creator_region_path are the creator's identity and
-- jurisdiction when the job was started, which the worker queries with; only the creator may read the job. A running job
-- holds a lease that its worker renews; a lease that lapsed means the worker stopped, and the job is started again.
CREATE TABLE metrics_export_jobs (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    kind NVARCHAR(50) NOT NULL,
    format NVARCHAR(10) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    from_day DATE NULL,
    to_day DATE NULL,
    month NVARCHAR(7) NULL,
    group_by NVARCHAR(20) NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    creator_unit_id UNIQUEIDENTIFIER NULL,
    creator_region_path NVARCHAR(400) NOT NULL,
    state NVARCHAR(20) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    rows_done BIGINT NOT NULL DEFAULT 0,
    rows_total BIGINT NULL,
    file_name NVARCHAR(200) NULL,
    storage_key NVARCHAR(200) NULL,
    size_bytes BIGINT NULL,
    error NVARCHAR(50) NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    started_at DATETIMEOFFSET(7) NULL,
    finished_at DATETIMEOFFSET(7) NULL,
    expires_at DATETIMEOFFSET(7) NULL,
    lease_owner NVARCHAR(64) NULL,
    lease_until DATETIMEOFFSET(7) NULL
);

CREATE INDEX ix_metrics_export_jobs_state ON metrics_export_jobs (state, created_at);
CREATE INDEX ix_metrics_export_jobs_created_by ON metrics_export_jobs (created_by, created_at);
