-- County-level leaders' visits (下访 by district or county leaders) and those planned as must-visits: the must-visits' share
-- is taken of these, not of every leader reception (Xinchang reports 63% of its county-level visits). And the return visits
-- 回访 of mediation agreements: each agreement followed up counts once, at its latest visit, and as performed when that visit
-- found it so. Figures stored before this script lack the new counters until the metrics are rebuilt (--rebuild-metrics).
ALTER TABLE metrics_daily_facts ADD
    county_visit_batches INT NOT NULL DEFAULT 0,
    county_must_visit_batches INT NOT NULL DEFAULT 0,
    agreements_followed_up INT NOT NULL DEFAULT 0,
    agreements_performed INT NOT NULL DEFAULT 0;

-- What the facts need to remember of a dispute: where its latest return visit was counted, so that a later one moves it.
CREATE TABLE metrics_disputes (
    dispute_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    followed_up_day DATE NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    category NVARCHAR(100) NOT NULL,
    performed INT NOT NULL
);
