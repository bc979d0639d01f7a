-- How many days before the last day to apply for judicial confirmation the parties are reminded is rule-set data: rule sets
-- stored before this script get the value the shipped files now carry.
UPDATE platform_rule_sets
SET document = json_set(document, '$.mediation.confirmationReminderDays', 7), version = version + 1
WHERE json_type(document, '$.mediation') IS NOT NULL AND json_type(document, '$.mediation.confirmationReminderDays') IS NULL;
