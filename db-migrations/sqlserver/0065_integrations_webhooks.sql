-- Webhook subscriptions: a receiver's URL, the events it takes, its signing secret (encrypted at rest) and its owner: the unit
-- whose jurisdiction (region subtree) bounds what it receives, and the API client that manages it, if one does. status is
-- active, paused (by its owner) or disabled (after failing for days); failing_since marks the start of an unbroken run of
-- failed attempts.
CREATE TABLE integrations_webhook_subscriptions (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    url NVARCHAR(2000) NOT NULL,
    description NVARCHAR(500) NULL,
    secret_protected NVARCHAR(MAX) NOT NULL,
    owner_unit_id UNIQUEIDENTIFIER NOT NULL,
    owner_unit_name NVARCHAR(200) NOT NULL,
    owner_region_path NVARCHAR(400) NOT NULL,
    owner_client_id UNIQUEIDENTIFIER NULL,
    status NVARCHAR(20) NOT NULL,
    failing_since DATETIMEOFFSET(7) NULL,
    disabled_at DATETIMEOFFSET(7) NULL,
    created_by UNIQUEIDENTIFIER NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    version BIGINT NOT NULL
);

CREATE INDEX ix_integrations_webhook_subscriptions_region ON integrations_webhook_subscriptions (owner_region_path, created_at, id);
CREATE INDEX ix_integrations_webhook_subscriptions_client ON integrations_webhook_subscriptions (owner_client_id, created_at, id);

-- The event types (public names, e.g. petition.accepted) each subscription takes.
CREATE TABLE integrations_webhook_subscription_events (
    subscription_id UNIQUEIDENTIFIER NOT NULL,
    event_type NVARCHAR(100) NOT NULL,
    PRIMARY KEY (subscription_id, event_type)
);

CREATE INDEX ix_integrations_webhook_subscription_events_type ON integrations_webhook_subscription_events (event_type, subscription_id);

-- One row per event and subscription, written from the outbox in the consumer's transaction, so nothing is lost across a
-- restart. body is the signed JSON as sent; deliveries of one aggregate go out in (occurred_at, sequence) order. status is
-- pending, delivered or withheld (its petition was referred to discipline inspection before it went out).
CREATE TABLE integrations_webhook_deliveries (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    subscription_id UNIQUEIDENTIFIER NOT NULL,
    event_id UNIQUEIDENTIFIER NOT NULL,
    event_type NVARCHAR(100) NOT NULL,
    aggregate_key NVARCHAR(120) NOT NULL,
    occurred_at DATETIMEOFFSET(7) NOT NULL,
    sequence BIGINT NOT NULL,
    body NVARCHAR(MAX) NOT NULL,
    status NVARCHAR(20) NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at DATETIMEOFFSET(7) NOT NULL,
    last_attempt_at DATETIMEOFFSET(7) NULL,
    last_status_code INT NULL,
    last_duration_ms INT NULL,
    last_error NVARCHAR(2000) NULL,
    delivered_at DATETIMEOFFSET(7) NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    lease_owner NVARCHAR(64) NULL,
    lease_until DATETIMEOFFSET(7) NULL
);

CREATE UNIQUE INDEX ux_integrations_webhook_deliveries_event ON integrations_webhook_deliveries (subscription_id, event_id);
CREATE INDEX ix_integrations_webhook_deliveries_due ON integrations_webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_integrations_webhook_deliveries_order ON integrations_webhook_deliveries (subscription_id, aggregate_key, status, occurred_at, sequence);
CREATE INDEX ix_integrations_webhook_deliveries_log ON integrations_webhook_deliveries (subscription_id, sequence);

-- Every attempt of a delivery: when, the receiver's status code (null when none came), how long it took, what failed.
CREATE TABLE integrations_webhook_attempts (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    delivery_id UNIQUEIDENTIFIER NOT NULL,
    subscription_id UNIQUEIDENTIFIER NOT NULL,
    attempted_at DATETIMEOFFSET(7) NOT NULL,
    status_code INT NULL,
    duration_ms INT NOT NULL,
    succeeded BIT NOT NULL,
    error NVARCHAR(2000) NULL
);

CREATE INDEX ix_integrations_webhook_attempts_delivery ON integrations_webhook_attempts (delivery_id, attempted_at);
CREATE INDEX ix_integrations_webhook_attempts_subscription ON integrations_webhook_attempts (subscription_id);

-- The region of each petition as registered, for the petition events that do not carry one, and whether it was referred to
-- discipline inspection: nothing more of such a petition goes out.
CREATE TABLE integrations_webhook_petitions (
    petition_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    region_path NVARCHAR(400) NOT NULL,
    withheld BIT NOT NULL
);
