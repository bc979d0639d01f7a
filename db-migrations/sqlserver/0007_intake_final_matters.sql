ALTER TABLE intake_petitions ADD final_at DATETIMEOFFSET(7) NULL;
