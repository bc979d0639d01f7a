-- Exports of indicator tables, rankings and daily facts run as background jobs: the caller polls the row for progress and
-- downloads the file while it is kept. created_by, creator_unit_id and creator_region_path are the creator's identity and
-- jurisdiction when the job was started, which the worker queries with; only the creator may read the job. A running job
-- holds a lease that its worker renews; a lease that lapsed means the worker stopped, and the job is started again.
CREATE TABLE metrics_export_jobs (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    format TEXT NOT NULL,
    region_id TEXT NOT NULL,
    from_day TEXT NULL,
    to_day TEXT NULL,
    month TEXT NULL,
    group_by TEXT NULL,
    created_by TEXT NOT NULL,
    creator_unit_id TEXT NULL,
    creator_region_path TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    rows_done INTEGER NOT NULL DEFAULT 0,
    rows_total INTEGER NULL,
    file_name TEXT NULL,
    storage_key TEXT NULL,
    size_bytes INTEGER NULL,
    error TEXT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT NULL,
    finished_at TEXT NULL,
    expires_at TEXT NULL,
    lease_owner TEXT NULL,
    lease_until TEXT NULL
);

CREATE INDEX ix_metrics_export_jobs_state ON metrics_export_jobs (state, created_at);
CREATE INDEX ix_metrics_export_jobs_created_by ON metrics_export_jobs (created_by, created_at);
