-- Separation of duties as data. An administrator whose unit lies at a region level may grant (and revoke) only the
-- roles listed for that level; a village-level administrator none.
CREATE TABLE org_role_grant_rules (
    grantor_level TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (grantor_level, role)
);

INSERT INTO org_role_grant_rules (grantor_level, role) VALUES
    ('City', 'Admin'), ('City', 'PetitionOfficer'), ('City', 'Handler'), ('City', 'Supervisor'), ('City', 'Leader'),
    ('City', 'Mediator'), ('City', 'SuggestionReviewer'), ('City', 'Analyst'), ('City', 'DisciplineInspector'), ('City', 'Agent'),
    ('District', 'Admin'), ('District', 'PetitionOfficer'), ('District', 'Handler'), ('District', 'Supervisor'), ('District', 'Leader'),
    ('District', 'Mediator'), ('District', 'SuggestionReviewer'), ('District', 'Analyst'), ('District', 'DisciplineInspector'), ('District', 'Agent'),
    ('Town', 'PetitionOfficer'), ('Town', 'Handler'), ('Town', 'Supervisor'), ('Town', 'Leader'),
    ('Town', 'Mediator'), ('Town', 'SuggestionReviewer'), ('Town', 'Analyst'), ('Town', 'Agent');

-- A role listed here may be held only by users of units of the listed kinds; a role not listed, in any unit.
CREATE TABLE org_role_unit_kinds (
    role TEXT NOT NULL,
    unit_kind TEXT NOT NULL,
    PRIMARY KEY (role, unit_kind)
);

INSERT INTO org_role_unit_kinds (role, unit_kind) VALUES ('DisciplineInspector', 'DisciplineInspection');

-- Moves on every change that must end the user's access tokens (disable, role change, password reset, sign-out,
-- revoked refresh family); tokens carry the value they were issued with. Only grows, so count and sum of the column
-- tell another instance that something changed.
ALTER TABLE org_users ADD COLUMN security_stamp INTEGER NOT NULL DEFAULT 1;
CREATE INDEX ix_org_users_security_stamp ON org_users (id, security_stamp);

-- Wrong passwords are counted per user name and client address, for unknown names too, instead of per account.
ALTER TABLE org_users DROP COLUMN failed_sign_ins;
ALTER TABLE org_users DROP COLUMN lockout_end;

CREATE TABLE org_sign_in_failures (
    user_name TEXT NOT NULL,
    client_address TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_failed_at TEXT NOT NULL,
    lockout_end TEXT NULL,
    PRIMARY KEY (user_name, client_address)
);

CREATE INDEX ix_org_sign_in_failures_last_failed_at ON org_sign_in_failures (last_failed_at);
