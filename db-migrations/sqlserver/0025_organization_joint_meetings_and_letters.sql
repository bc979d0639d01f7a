-- Joint-meeting systems 联席会议 of districts and towns with their member units and meetings, and the responsibility
-- letters 责任书 signed level by level each year. A meeting links petitions and cases by id only: they belong to other
-- modules, which decide on every read whether the reader may see them.
CREATE TABLE org_joint_meeting_systems (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_regions (id),
    region_path NVARCHAR(400) NOT NULL,
    convener_user_id UNIQUEIDENTIFIER NULL REFERENCES org_users (id),
    convener_name NVARCHAR(100) NOT NULL,
    convener_post NVARCHAR(100) NOT NULL,
    established_on DATE NOT NULL,
    retired_on DATE NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_org_joint_meeting_systems_region_path ON org_joint_meeting_systems (region_path, id);
CREATE INDEX ix_org_joint_meeting_systems_region ON org_joint_meeting_systems (region_id, retired_on);

CREATE TABLE org_joint_meeting_members (
    system_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_joint_meeting_systems (id),
    unit_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_units (id),
    CONSTRAINT pk_org_joint_meeting_members PRIMARY KEY (system_id, unit_id)
);

CREATE TABLE org_joint_meetings (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    system_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_joint_meeting_systems (id),
    held_on DATE NOT NULL,
    matters NVARCHAR(4000) NOT NULL,
    decisions NVARCHAR(4000) NOT NULL,
    recorded_by UNIQUEIDENTIFIER NULL,
    recorded_at DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_org_joint_meetings_system ON org_joint_meetings (system_id, held_on, id);

-- kind: Petition or Case; target_id is the id in the owning module.
CREATE TABLE org_joint_meeting_links (
    meeting_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_joint_meetings (id),
    kind NVARCHAR(20) NOT NULL,
    target_id UNIQUEIDENTIFIER NOT NULL,
    CONSTRAINT pk_org_joint_meeting_links PRIMARY KEY (meeting_id, kind, target_id)
);

-- signatories: a JSON array of {name, post}; the file columns are set once the signed letter is uploaded.
CREATE TABLE org_responsibility_letters (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    year INT NOT NULL,
    issuing_region_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_regions (id),
    issuing_region_path NVARCHAR(400) NOT NULL,
    issuing_unit_id UNIQUEIDENTIFIER NULL REFERENCES org_units (id),
    receiving_region_id UNIQUEIDENTIFIER NOT NULL REFERENCES org_regions (id),
    receiving_region_path NVARCHAR(400) NOT NULL,
    receiving_level NVARCHAR(20) NOT NULL,
    receiving_unit_id UNIQUEIDENTIFIER NULL REFERENCES org_units (id),
    signatories NVARCHAR(4000) NOT NULL,
    signed_on DATE NOT NULL,
    file_name NVARCHAR(200) NULL,
    file_content_type NVARCHAR(100) NULL,
    file_size_bytes BIGINT NULL,
    file_sha256 NVARCHAR(64) NULL,
    file_storage_key NVARCHAR(200) NULL,
    file_uploaded_at DATETIMEOFFSET(7) NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE UNIQUE INDEX ux_org_responsibility_letters_pair ON org_responsibility_letters (year, issuing_region_id, receiving_region_id);
CREATE INDEX ix_org_responsibility_letters_year_path ON org_responsibility_letters (year, receiving_region_path, id);
