-- Monthly rows of the facts, rolled up the region tree, so that the dashboard's whole months (the five-colour chart, the
-- twelve months' trend, the mixes by channel and category) read a few rows per region instead of every daily row of the
-- period, and the backlog, a stock, sums a few dozen monthly changes instead of the history's daily ones. Each daily fact
-- counts in the month of its day, once for its own region and once for every region above it (region_path; parent_path is
-- the region above, empty for the root), in three dimensions: the whole ('total', dimension_value empty), by channel and by
-- category; and once more in its own region's 'own' row, the facts counted at that level and not in a region below it. The rows
-- carry the daily counters under the same names and are written in the same transaction as the days.

CREATE TABLE metrics_monthly_facts (
    month TEXT NOT NULL,
    region_path TEXT NOT NULL,
    parent_path TEXT NOT NULL,
    dimension TEXT NOT NULL,
    dimension_value TEXT NOT NULL,
    registered INTEGER NOT NULL DEFAULT 0,
    first_time_registered INTEGER NOT NULL DEFAULT 0,
    repeat_registered INTEGER NOT NULL DEFAULT 0,
    skip_level_registered INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    accepted_on_time INTEGER NOT NULL DEFAULT 0,
    concluded INTEGER NOT NULL DEFAULT 0,
    concluded_on_time INTEGER NOT NULL DEFAULT 0,
    rated_satisfied INTEGER NOT NULL DEFAULT 0,
    rated_basically_satisfied INTEGER NOT NULL DEFAULT 0,
    rated_dissatisfied INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    closed_unrated INTEGER NOT NULL DEFAULT 0,
    resolved INTEGER NOT NULL DEFAULT 0,
    first_time_closed INTEGER NOT NULL DEFAULT 0,
    first_time_resolved INTEGER NOT NULL DEFAULT 0,
    review_requested INTEGER NOT NULL DEFAULT 0,
    backlog_change INTEGER NOT NULL DEFAULT 0,
    suggestion_received INTEGER NOT NULL DEFAULT 0,
    suggestion_answered INTEGER NOT NULL DEFAULT 0,
    suggestion_adopted INTEGER NOT NULL DEFAULT 0,
    reception_batches INTEGER NOT NULL DEFAULT 0,
    reception_persons INTEGER NOT NULL DEFAULT 0,
    must_visit_batches INTEGER NOT NULL DEFAULT 0,
    county_visit_batches INTEGER NOT NULL DEFAULT 0,
    county_must_visit_batches INTEGER NOT NULL DEFAULT 0,
    disputes_opened INTEGER NOT NULL DEFAULT 0,
    disputes_accepted INTEGER NOT NULL DEFAULT 0,
    sessions_held INTEGER NOT NULL DEFAULT 0,
    agreements_reached INTEGER NOT NULL DEFAULT 0,
    mediations_failed INTEGER NOT NULL DEFAULT 0,
    judicial_decided INTEGER NOT NULL DEFAULT 0,
    judicial_confirmed INTEGER NOT NULL DEFAULT 0,
    agreements_followed_up INTEGER NOT NULL DEFAULT 0,
    agreements_performed INTEGER NOT NULL DEFAULT 0,
    cases_forwarded INTEGER NOT NULL DEFAULT 0,
    cases_assigned INTEGER NOT NULL DEFAULT 0,
    supervision_orders INTEGER NOT NULL DEFAULT 0,
    registered_persons INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (dimension, region_path, dimension_value, month)
) WITHOUT ROWID;

-- The regions directly below one, for a month or up to one: the five-colour chart's and the drill-down's rows, and their backlog
-- read from this index alone.
CREATE INDEX ix_metrics_monthly_facts_parent ON metrics_monthly_facts (dimension, parent_path, month, region_path, backlog_change);

-- The facts stored before this script, rolled up once. The lineage splits each region path into its ancestors ('/a/b/' gives
-- '/a/' and '/a/b/'); each daily row counts in every ancestor's row of each dimension, and in its own region's 'own' row.
WITH RECURSIVE lineage (leaf, parent, ancestor, rest) AS (
    SELECT region_path, '', '/', substr(region_path, 2) FROM (SELECT DISTINCT region_path FROM metrics_daily_facts)
    UNION ALL
    SELECT leaf, CASE WHEN ancestor = '/' THEN '' ELSE ancestor END, ancestor || substr(rest, 1, instr(rest, '/')), substr(rest, instr(rest, '/') + 1)
    FROM lineage WHERE instr(rest, '/') > 0
),
dimensions (dimension) AS (SELECT 'total' UNION ALL SELECT 'own' UNION ALL SELECT 'channel' UNION ALL SELECT 'category')
INSERT INTO metrics_monthly_facts (month, region_path, parent_path, dimension, dimension_value,
    registered, first_time_registered, repeat_registered, skip_level_registered, accepted, accepted_on_time,
    concluded, concluded_on_time, rated_satisfied, rated_basically_satisfied, rated_dissatisfied, closed,
    closed_unrated, resolved, first_time_closed, first_time_resolved, review_requested, backlog_change,
    suggestion_received, suggestion_answered, suggestion_adopted, reception_batches, reception_persons,
    must_visit_batches, county_visit_batches, county_must_visit_batches, disputes_opened, disputes_accepted,
    sessions_held, agreements_reached, mediations_failed, judicial_decided, judicial_confirmed,
    agreements_followed_up, agreements_performed, cases_forwarded, cases_assigned, supervision_orders,
    registered_persons)
SELECT substr(f.day, 1, 8) || '01', l.ancestor, l.parent, d.dimension, CASE d.dimension WHEN 'channel' THEN f.channel WHEN 'category' THEN f.category ELSE '' END,
    SUM(f.registered), SUM(f.first_time_registered), SUM(f.repeat_registered), SUM(f.skip_level_registered),
    SUM(f.accepted), SUM(f.accepted_on_time), SUM(f.concluded), SUM(f.concluded_on_time), SUM(f.rated_satisfied),
    SUM(f.rated_basically_satisfied), SUM(f.rated_dissatisfied), SUM(f.closed), SUM(f.closed_unrated),
    SUM(f.resolved), SUM(f.first_time_closed), SUM(f.first_time_resolved), SUM(f.review_requested),
    SUM(f.backlog_change), SUM(f.suggestion_received), SUM(f.suggestion_answered), SUM(f.suggestion_adopted),
    SUM(f.reception_batches), SUM(f.reception_persons), SUM(f.must_visit_batches), SUM(f.county_visit_batches),
    SUM(f.county_must_visit_batches), SUM(f.disputes_opened), SUM(f.disputes_accepted), SUM(f.sessions_held),
    SUM(f.agreements_reached), SUM(f.mediations_failed), SUM(f.judicial_decided), SUM(f.judicial_confirmed),
    SUM(f.agreements_followed_up), SUM(f.agreements_performed), SUM(f.cases_forwarded), SUM(f.cases_assigned),
    SUM(f.supervision_orders), SUM(f.registered_persons)
FROM metrics_daily_facts f JOIN lineage l ON l.leaf = f.region_path CROSS JOIN dimensions d
WHERE l.ancestor <> '/' AND (d.dimension <> 'own' OR l.ancestor = l.leaf)
GROUP BY substr(f.day, 1, 8) || '01', l.ancestor, l.parent, d.dimension, CASE d.dimension WHEN 'channel' THEN f.channel WHEN 'category' THEN f.category ELSE '' END;
