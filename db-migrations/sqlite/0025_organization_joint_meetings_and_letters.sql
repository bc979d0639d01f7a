-- Joint-meeting systems 联席会议 of districts and towns with their member units and meetings, and the responsibility
-- letters 责任书 signed level by level each year. A meeting links petitions and cases by id only: they belong to other
-- modules, which decide on every read whether the reader may see them.
CREATE TABLE org_joint_meeting_systems (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    region_id TEXT NOT NULL REFERENCES org_regions (id),
    region_path TEXT NOT NULL,
    convener_user_id TEXT NULL REFERENCES org_users (id),
    convener_name TEXT NOT NULL,
    convener_post TEXT NOT NULL,
    established_on TEXT NOT NULL,
    retired_on TEXT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_org_joint_meeting_systems_region_path ON org_joint_meeting_systems (region_path, id);
CREATE INDEX ix_org_joint_meeting_systems_region ON org_joint_meeting_systems (region_id, retired_on);

CREATE TABLE org_joint_meeting_members (
    system_id TEXT NOT NULL REFERENCES org_joint_meeting_systems (id),
    unit_id TEXT NOT NULL REFERENCES org_units (id),
    PRIMARY KEY (system_id, unit_id)
);

CREATE TABLE org_joint_meetings (
    id TEXT NOT NULL PRIMARY KEY,
    system_id TEXT NOT NULL REFERENCES org_joint_meeting_systems (id),
    held_on TEXT NOT NULL,
    matters TEXT NOT NULL,
    decisions TEXT NOT NULL,
    recorded_by TEXT NULL,
    recorded_at TEXT NOT NULL
);

CREATE INDEX ix_org_joint_meetings_system ON org_joint_meetings (system_id, held_on, id);

-- kind: Petition or Case; target_id is the id in the owning module.
CREATE TABLE org_joint_meeting_links (
    meeting_id TEXT NOT NULL REFERENCES org_joint_meetings (id),
    kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    PRIMARY KEY (meeting_id, kind, target_id)
);

-- signatories: a JSON array of {name, post}; the file columns are set once the signed letter is uploaded.
CREATE TABLE org_responsibility_letters (
    id TEXT NOT NULL PRIMARY KEY,
    year INTEGER NOT NULL,
    issuing_region_id TEXT NOT NULL REFERENCES org_regions (id),
    issuing_region_path TEXT NOT NULL,
    issuing_unit_id TEXT NULL REFERENCES org_units (id),
    receiving_region_id TEXT NOT NULL REFERENCES org_regions (id),
    receiving_region_path TEXT NOT NULL,
    receiving_level TEXT NOT NULL,
    receiving_unit_id TEXT NULL REFERENCES org_units (id),
    signatories TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    file_name TEXT NULL,
    file_content_type TEXT NULL,
    file_size_bytes INTEGER NULL,
    file_sha256 TEXT NULL,
    file_storage_key TEXT NULL,
    file_uploaded_at TEXT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_org_responsibility_letters_pair ON org_responsibility_letters (year, issuing_region_id, receiving_region_id);
CREATE INDEX ix_org_responsibility_letters_year_path ON org_responsibility_letters (year, receiving_region_path, id);
