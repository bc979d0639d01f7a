-- What became of a session: held (each side's attendance and the record 笔录), rescheduled (the last reason) or cancelled
-- (the reason; its slots are freed so that the room and mediators can be booked again).
ALTER TABLE mediation_sessions ADD
    applicant_attended BIT NULL,
    respondent_attended BIT NULL,
    record_text NVARCHAR(MAX) NULL,
    held_by UNIQUEIDENTIFIER NULL,
    held_at DATETIMEOFFSET(7) NULL,
    reschedule_reason NVARCHAR(1000) NULL,
    cancel_reason NVARCHAR(1000) NULL,
    cancelled_at DATETIMEOFFSET(7) NULL;
