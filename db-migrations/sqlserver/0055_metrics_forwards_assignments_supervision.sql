-- The counts the annual statistical report (信访工作条例 Art 41) gives beside the volumes: handling cases forwarded (转送) and
-- assigned (交办) under the lead unit they went to, and supervision orders (督办单) under the unit they were issued to, so the
-- units most petitioned about rank by them. Figures stored before this script lack them until the metrics are rebuilt.
ALTER TABLE metrics_daily_facts ADD
    cases_forwarded INT NOT NULL DEFAULT 0,
    cases_assigned INT NOT NULL DEFAULT 0,
    supervision_orders INT NOT NULL DEFAULT 0;
