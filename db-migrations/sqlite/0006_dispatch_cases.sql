CREATE TABLE dispatch_cases (
    id TEXT NOT NULL PRIMARY KEY,
    petition_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_case_id TEXT NULL,
    number TEXT NOT NULL,
    category TEXT NOT NULL,
    region_id TEXT NOT NULL,
    region_path TEXT NOT NULL,
    region_name TEXT NOT NULL,
    summary TEXT NOT NULL,
    received_at TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    is_first_time INTEGER NOT NULL,
    is_repeat INTEGER NOT NULL,
    is_skip_level INTEGER NOT NULL,
    status TEXT NOT NULL,
    suggested_unit_id TEXT NULL,
    lead_unit_id TEXT NULL,
    lead_unit_name TEXT NULL,
    assignment_mode TEXT NULL,
    report_required INTEGER NOT NULL,
    assigned_at TEXT NULL,
    assignment_due TEXT NOT NULL,
    sign_due TEXT NULL,
    signed_at TEXT NULL,
    return_due TEXT NULL,
    reply_due TEXT NULL,
    extension_days INTEGER NOT NULL,
    paused_days INTEGER NOT NULL,
    paused_at TEXT NULL,
    pause_reason TEXT NULL,
    replied_at TEXT NULL,
    opinion TEXT NULL,
    reply_text TEXT NULL,
    rating TEXT NULL,
    rating_source TEXT NULL,
    rating_note TEXT NULL,
    rated_at TEXT NULL,
    closed_at TEXT NULL,
    final_at TEXT NULL,
    review_requested_at TEXT NULL,
    current_step TEXT NOT NULL,
    current_due_on TEXT NOT NULL,
    current_yellow_on TEXT NOT NULL,
    light TEXT NOT NULL,
    agent_user_id TEXT NULL,
    agent_name TEXT NULL,
    leader_user_id TEXT NULL,
    leader_name TEXT NULL,
    is_listed INTEGER NOT NULL,
    listed_reason TEXT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_dispatch_cases_petition ON dispatch_cases (petition_id, created_at);
CREATE INDEX ix_dispatch_cases_lead_worklist ON dispatch_cases (lead_unit_id, status, current_due_on, id);
CREATE INDEX ix_dispatch_cases_lead_light ON dispatch_cases (lead_unit_id, light, current_due_on, id);
CREATE INDEX ix_dispatch_cases_status_worklist ON dispatch_cases (status, current_due_on, id, region_path);
CREATE INDEX ix_dispatch_cases_light_due ON dispatch_cases (light, current_due_on, id, region_path);
CREATE INDEX ix_dispatch_cases_light_yellow ON dispatch_cases (light, current_yellow_on);
CREATE INDEX ix_dispatch_cases_agent ON dispatch_cases (agent_user_id) WHERE agent_user_id IS NOT NULL;

CREATE TABLE dispatch_case_units (
    case_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    input_text TEXT NULL,
    input_at TEXT NULL,
    input_by_name TEXT NULL,
    PRIMARY KEY (case_id, unit_id)
);

CREATE INDEX ix_dispatch_case_units_unit ON dispatch_case_units (unit_id, case_id);

CREATE TABLE dispatch_timeline (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    is_public INTEGER NOT NULL,
    text TEXT NOT NULL,
    unit_name TEXT NULL,
    user_id TEXT NULL,
    user_name TEXT NULL,
    by_agent INTEGER NOT NULL
);

CREATE INDEX ix_dispatch_timeline_case ON dispatch_timeline (case_id, occurred_at);

CREATE TABLE dispatch_extensions (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL,
    days INTEGER NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    requested_by_name TEXT NULL,
    decided_at TEXT NULL,
    decided_by_name TEXT NULL,
    decision_reason TEXT NULL
);

CREATE INDEX ix_dispatch_extensions_case ON dispatch_extensions (case_id, requested_at);

CREATE TABLE dispatch_pauses (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    paused_at TEXT NOT NULL,
    resumed_at TEXT NULL,
    paused_days INTEGER NULL
);

CREATE INDEX ix_dispatch_pauses_case ON dispatch_pauses (case_id, paused_at);

CREATE TABLE dispatch_checklist_items (
    case_id TEXT NOT NULL,
    item_key TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    label_zh TEXT NOT NULL,
    label_en TEXT NOT NULL,
    done_at TEXT NULL,
    done_by_name TEXT NULL,
    PRIMARY KEY (case_id, item_key)
);

CREATE TABLE dispatch_supervision_orders (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    text TEXT NOT NULL,
    due_on TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by_name TEXT NULL,
    answer_text TEXT NULL,
    answered_at TEXT NULL,
    answered_by_name TEXT NULL
);

CREATE INDEX ix_dispatch_supervision_orders_case ON dispatch_supervision_orders (case_id, issued_at);
CREATE INDEX ix_dispatch_supervision_orders_unit ON dispatch_supervision_orders (unit_id, answered_at);

CREATE TABLE dispatch_reminders (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL,
    step TEXT NOT NULL,
    light TEXT NOT NULL,
    due_on TEXT NOT NULL,
    occurred_at TEXT NOT NULL
);

CREATE INDEX ix_dispatch_reminders_case ON dispatch_reminders (case_id, occurred_at);

CREATE TABLE dispatch_breaches (
    case_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    PRIMARY KEY (case_id, kind)
);

CREATE TABLE dispatch_leases (
    name TEXT NOT NULL PRIMARY KEY,
    owner TEXT NULL,
    lease_until TEXT NULL
);

INSERT INTO dispatch_leases (name, owner, lease_until) VALUES ('deadline_watcher', NULL, NULL);
