CREATE TABLE dispatch_cases (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    petition_id UNIQUEIDENTIFIER NOT NULL,
    kind NVARCHAR(200) NOT NULL,
    parent_case_id UNIQUEIDENTIFIER NULL,
    number NVARCHAR(200) NOT NULL,
    category NVARCHAR(200) NOT NULL,
    region_id UNIQUEIDENTIFIER NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    region_name NVARCHAR(200) NOT NULL,
    summary NVARCHAR(2000) NOT NULL,
    received_at DATETIMEOFFSET(7) NOT NULL,
    accepted_at DATETIMEOFFSET(7) NOT NULL,
    is_first_time BIT NOT NULL,
    is_repeat BIT NOT NULL,
    is_skip_level BIT NOT NULL,
    status NVARCHAR(200) NOT NULL,
    suggested_unit_id UNIQUEIDENTIFIER NULL,
    lead_unit_id UNIQUEIDENTIFIER NULL,
    lead_unit_name NVARCHAR(200) NULL,
    assignment_mode NVARCHAR(200) NULL,
    report_required BIT NOT NULL,
    assigned_at DATETIMEOFFSET(7) NULL,
    assignment_due DATE NOT NULL,
    sign_due DATE NULL,
    signed_at DATETIMEOFFSET(7) NULL,
    return_due DATE NULL,
    reply_due DATE NULL,
    extension_days INT NOT NULL,
    paused_days INT NOT NULL,
    paused_at DATETIMEOFFSET(7) NULL,
    pause_reason NVARCHAR(2000) NULL,
    replied_at DATETIMEOFFSET(7) NULL,
    opinion NVARCHAR(200) NULL,
    reply_text NVARCHAR(MAX) NULL,
    rating NVARCHAR(200) NULL,
    rating_source NVARCHAR(200) NULL,
    rating_note NVARCHAR(2000) NULL,
    rated_at DATETIMEOFFSET(7) NULL,
    closed_at DATETIMEOFFSET(7) NULL,
    final_at DATETIMEOFFSET(7) NULL,
    review_requested_at DATETIMEOFFSET(7) NULL,
    current_step NVARCHAR(200) NOT NULL,
    current_due_on DATE NOT NULL,
    current_yellow_on DATE NOT NULL,
    light NVARCHAR(200) NOT NULL,
    agent_user_id UNIQUEIDENTIFIER NULL,
    agent_name NVARCHAR(200) NULL,
    leader_user_id UNIQUEIDENTIFIER NULL,
    leader_name NVARCHAR(200) NULL,
    is_listed BIT NOT NULL,
    listed_reason NVARCHAR(2000) NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_dispatch_cases_petition ON dispatch_cases (petition_id, created_at);
CREATE INDEX ix_dispatch_cases_lead_worklist ON dispatch_cases (lead_unit_id, status, current_due_on, id);
CREATE INDEX ix_dispatch_cases_lead_light ON dispatch_cases (lead_unit_id, light, current_due_on, id);
CREATE INDEX ix_dispatch_cases_status_worklist ON dispatch_cases (status, current_due_on, id) INCLUDE (region_path);
CREATE INDEX ix_dispatch_cases_light_due ON dispatch_cases (light, current_due_on, id) INCLUDE (region_path);
CREATE INDEX ix_dispatch_cases_light_yellow ON dispatch_cases (light, current_yellow_on);
CREATE INDEX ix_dispatch_cases_agent ON dispatch_cases (agent_user_id) WHERE agent_user_id IS NOT NULL;

CREATE TABLE dispatch_case_units (
    case_id UNIQUEIDENTIFIER NOT NULL,
    unit_id UNIQUEIDENTIFIER NOT NULL,
    unit_name NVARCHAR(200) NOT NULL,
    input_text NVARCHAR(MAX) NULL,
    input_at DATETIMEOFFSET(7) NULL,
    input_by_name NVARCHAR(200) NULL,
    PRIMARY KEY (case_id, unit_id)
);

CREATE INDEX ix_dispatch_case_units_unit ON dispatch_case_units (unit_id, case_id);

CREATE TABLE dispatch_timeline (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    case_id UNIQUEIDENTIFIER NOT NULL,
    occurred_at DATETIMEOFFSET(7) NOT NULL,
    kind NVARCHAR(200) NOT NULL,
    is_public BIT NOT NULL,
    text NVARCHAR(MAX) NOT NULL,
    unit_name NVARCHAR(200) NULL,
    user_id UNIQUEIDENTIFIER NULL,
    user_name NVARCHAR(200) NULL,
    by_agent BIT NOT NULL
);

CREATE INDEX ix_dispatch_timeline_case ON dispatch_timeline (case_id, occurred_at);

CREATE TABLE dispatch_extensions (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    case_id UNIQUEIDENTIFIER NOT NULL,
    days INT NOT NULL,
    reason NVARCHAR(2000) NOT NULL,
    status NVARCHAR(200) NOT NULL,
    requested_at DATETIMEOFFSET(7) NOT NULL,
    requested_by_name NVARCHAR(200) NULL,
    decided_at DATETIMEOFFSET(7) NULL,
    decided_by_name NVARCHAR(200) NULL,
    decision_reason NVARCHAR(2000) NULL
);

CREATE INDEX ix_dispatch_extensions_case ON dispatch_extensions (case_id, requested_at);

CREATE TABLE dispatch_pauses (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    case_id UNIQUEIDENTIFIER NOT NULL,
    reason NVARCHAR(2000) NOT NULL,
    paused_at DATETIMEOFFSET(7) NOT NULL,
    resumed_at DATETIMEOFFSET(7) NULL,
    paused_days INT NULL
);

CREATE INDEX ix_dispatch_pauses_case ON dispatch_pauses (case_id, paused_at);

CREATE TABLE dispatch_checklist_items (
    case_id UNIQUEIDENTIFIER NOT NULL,
    item_key NVARCHAR(200) NOT NULL,
    ordinal INT NOT NULL,
    label_zh NVARCHAR(200) NOT NULL,
    label_en NVARCHAR(200) NOT NULL,
    done_at DATETIMEOFFSET(7) NULL,
    done_by_name NVARCHAR(200) NULL,
    PRIMARY KEY (case_id, item_key)
);

CREATE TABLE dispatch_supervision_orders (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    case_id UNIQUEIDENTIFIER NOT NULL,
    unit_id UNIQUEIDENTIFIER NOT NULL,
    unit_name NVARCHAR(200) NOT NULL,
    text NVARCHAR(MAX) NOT NULL,
    due_on DATE NOT NULL,
    issued_at DATETIMEOFFSET(7) NOT NULL,
    issued_by_name NVARCHAR(200) NULL,
    answer_text NVARCHAR(MAX) NULL,
    answered_at DATETIMEOFFSET(7) NULL,
    answered_by_name NVARCHAR(200) NULL
);

CREATE INDEX ix_dispatch_supervision_orders_case ON dispatch_supervision_orders (case_id, issued_at);
CREATE INDEX ix_dispatch_supervision_orders_unit ON dispatch_supervision_orders (unit_id, answered_at);

CREATE TABLE dispatch_reminders (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    case_id UNIQUEIDENTIFIER NOT NULL,
    step NVARCHAR(200) NOT NULL,
    light NVARCHAR(200) NOT NULL,
    due_on DATE NOT NULL,
    occurred_at DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_dispatch_reminders_case ON dispatch_reminders (case_id, occurred_at);

CREATE TABLE dispatch_breaches (
    case_id UNIQUEIDENTIFIER NOT NULL,
    kind NVARCHAR(200) NOT NULL,
    detected_at DATETIMEOFFSET(7) NOT NULL,
    PRIMARY KEY (case_id, kind)
);

CREATE TABLE dispatch_leases (
    name NVARCHAR(200) NOT NULL PRIMARY KEY,
    owner NVARCHAR(200) NULL,
    lease_until DATETIMEOFFSET(7) NULL
);

INSERT INTO dispatch_leases (name, owner, lease_until) VALUES ('deadline_watcher', NULL, NULL);
