-- When a dispute's counted return visit was recorded: of two visits on one day the later-recorded one stands, whatever order the
-- events arrive in, so a rebuild counts what the live projection counted. Rows stored before this script hold null and yield to
-- any later visit on their day, as before.
ALTER TABLE metrics_disputes ADD followed_up_recorded_at DATETIMEOFFSET(7) NULL;
