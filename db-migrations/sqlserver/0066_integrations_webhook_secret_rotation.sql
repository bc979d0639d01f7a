-- A subscription's signing secret can be rotated with an overlap: until previous_secret_expires_at, deliveries carry a
-- signature with the previous secret beside the new one (Standard Webhooks lists several in webhook-signature), so the
-- receiver can switch to the new secret without refusing a webhook in between.
ALTER TABLE integrations_webhook_subscriptions ADD previous_secret_protected NVARCHAR(MAX) NULL, previous_secret_expires_at DATETIMEOFFSET(7) NULL;
