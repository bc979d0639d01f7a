-- Webhook subscriptions: a receiver's URL, the events it takes, its signing secret (encrypted at rest) and its owner: the unit
-- whose jurisdiction (region subtree) bounds what it receives, and the API client that manages it, if one does. status is
-- active, paused (by its owner) or disabled (after failing for days); failing_since marks the start of an unbroken run of
-- failed attempts.
CREATE TABLE integrations_webhook_subscriptions (
    id TEXT NOT NULL PRIMARY KEY,
    url TEXT NOT NULL,
    description TEXT NULL,
    secret_protected TEXT NOT NULL,
    owner_unit_id TEXT NOT NULL,
    owner_unit_name TEXT NOT NULL,
    owner_region_path TEXT NOT NULL,
    owner_client_id TEXT NULL,
    status TEXT NOT NULL,
    failing_since TEXT NULL,
    disabled_at TEXT NULL,
    created_by TEXT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_integrations_webhook_subscriptions_region ON integrations_webhook_subscriptions (owner_region_path, created_at, id);
CREATE INDEX ix_integrations_webhook_subscriptions_client ON integrations_webhook_subscriptions (owner_client_id, created_at, id);

-- The event types (public names, e.g. petition.accepted) each subscription takes.
CREATE TABLE integrations_webhook_subscription_events (
    subscription_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    PRIMARY KEY (subscription_id, event_type)
);

CREATE INDEX ix_integrations_webhook_subscription_events_type ON integrations_webhook_subscription_events (event_type, subscription_id);

-- One row per event and subscription, written from the outbox in the consumer's transaction, so nothing is lost across a
-- restart. body is the signed JSON as sent; deliveries of one aggregate go out in (occurred_at, sequence) order. status is
-- pending, delivered or withheld (its petition was referred to discipline inspection before it went out).
CREATE TABLE integrations_webhook_deliveries (
    id TEXT NOT NULL PRIMARY KEY,
    subscription_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    aggregate_key TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_attempt_at TEXT NULL,
    last_status_code INTEGER NULL,
    last_duration_ms INTEGER NULL,
    last_error TEXT NULL,
    delivered_at TEXT NULL,
    created_at TEXT NOT NULL,
    lease_owner TEXT NULL,
    lease_until TEXT NULL
);

CREATE UNIQUE INDEX ux_integrations_webhook_deliveries_event ON integrations_webhook_deliveries (subscription_id, event_id);
CREATE INDEX ix_integrations_webhook_deliveries_due ON integrations_webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_integrations_webhook_deliveries_order ON integrations_webhook_deliveries (subscription_id, aggregate_key, status, occurred_at, sequence);
CREATE INDEX ix_integrations_webhook_deliveries_log ON integrations_webhook_deliveries (subscription_id, sequence);

-- Every attempt of a delivery: when, the receiver's status code (null when none came), how long it took, what failed.
CREATE TABLE integrations_webhook_attempts (
    id TEXT NOT NULL PRIMARY KEY,
    delivery_id TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    attempted_at TEXT NOT NULL,
    status_code INTEGER NULL,
    duration_ms INTEGER NOT NULL,
    succeeded INTEGER NOT NULL,
    error TEXT NULL
);

CREATE INDEX ix_integrations_webhook_attempts_delivery ON integrations_webhook_attempts (delivery_id, attempted_at);
CREATE INDEX ix_integrations_webhook_attempts_subscription ON integrations_webhook_attempts (subscription_id);

-- The region of each petition as registered, for the petition events that do not carry one, and whether it was referred to
-- discipline inspection: nothing more of such a petition goes out.
CREATE TABLE integrations_webhook_petitions (
    petition_id TEXT NOT NULL PRIMARY KEY,
    region_path TEXT NOT NULL,
    withheld INTEGER NOT NULL
);
