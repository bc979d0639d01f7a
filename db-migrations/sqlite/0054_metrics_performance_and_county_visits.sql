-- County-level leaders' visits (下访 by district or county leaders) and those planned as must-visits: the must-visits' share
-- is taken of these, not of every leader reception (Xinchang reports 63% of its county-level visits). And the return visits
-- 回访 of mediation agreements: each agreement followed up counts once, at its latest visit, and as performed when that visit
-- found it so. Figures stored before this script lack the new counters until the metrics are rebuilt (--rebuild-metrics).
ALTER TABLE metrics_daily_facts ADD COLUMN county_visit_batches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN county_must_visit_batches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN agreements_followed_up INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metrics_daily_facts ADD COLUMN agreements_performed INTEGER NOT NULL DEFAULT 0;

-- What the facts need to remember of a dispute: where its latest return visit was counted, so that a later one moves it.
CREATE TABLE metrics_disputes (
    dispute_id TEXT NOT NULL PRIMARY KEY,
    followed_up_day TEXT NOT NULL,
    region_path TEXT NOT NULL,
    category TEXT NOT NULL,
    performed INTEGER NOT NULL
);
