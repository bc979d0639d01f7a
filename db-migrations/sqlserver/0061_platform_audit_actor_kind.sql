-- 'client' when a third party's API client acted (actor_user_id is then the client's id); NULL for a person.
ALTER TABLE audit_entries ADD actor_kind NVARCHAR(20) NULL;
