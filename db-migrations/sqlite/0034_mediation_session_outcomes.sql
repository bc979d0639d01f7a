-- What became of a session: held (each side's attendance and the record 笔录), rescheduled (the last reason) or cancelled
-- (the reason; its slots are freed so that the room and mediators can be booked again).
ALTER TABLE mediation_sessions ADD COLUMN applicant_attended INTEGER NULL;
ALTER TABLE mediation_sessions ADD COLUMN respondent_attended INTEGER NULL;
ALTER TABLE mediation_sessions ADD COLUMN record_text TEXT NULL;
ALTER TABLE mediation_sessions ADD COLUMN held_by TEXT NULL;
ALTER TABLE mediation_sessions ADD COLUMN held_at TEXT NULL;
ALTER TABLE mediation_sessions ADD COLUMN reschedule_reason TEXT NULL;
ALTER TABLE mediation_sessions ADD COLUMN cancel_reason TEXT NULL;
ALTER TABLE mediation_sessions ADD COLUMN cancelled_at TEXT NULL;
