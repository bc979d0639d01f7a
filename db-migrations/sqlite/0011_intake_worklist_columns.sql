-- The worklist shows the first petitioner's name on every row; kept on the petition it costs no look-up per row.
ALTER TABLE intake_petitions ADD COLUMN first_petitioner_name TEXT NULL;

-- The final-matter flag (a later petition on a matter closed after re-review) becomes a worklist filter like the other flags.
ALTER TABLE intake_petitions ADD COLUMN is_final_matter INTEGER NOT NULL DEFAULT 0;

UPDATE intake_petitions
SET first_petitioner_name = (SELECT MIN(pp.name) FROM intake_petitioners pp WHERE pp.petition_id = intake_petitions.id AND pp.ordinal = 0),
    is_final_matter = CASE WHEN flag_reasons LIKE '%"final_matter"%' THEN 1 ELSE 0 END;
