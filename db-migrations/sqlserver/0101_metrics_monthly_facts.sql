-- Monthly rows of the facts, rolled up the region tree, so that the dashboard's whole months (the five-colour chart, the
-- twelve months' trend, the mixes by channel and category) read a few rows per region instead of every daily row of the
-- period, and the backlog, a stock, sums a few dozen monthly changes instead of the history's daily ones. Each daily fact
-- counts in the month of its day, once for its own region and once for every region above it (region_path; parent_path is
-- the region above, empty for the root), in three dimensions: the whole ('total', dimension_value empty), by channel and by
-- category; and once more in its own region's 'own' row, the facts counted at that level and not in a region below it. The rows
-- carry the daily counters under the same names and are written in the same transaction as the days.

CREATE TABLE metrics_monthly_facts (
    month DATE NOT NULL,
    region_path NVARCHAR(400) NOT NULL,
    parent_path NVARCHAR(400) NOT NULL,
    dimension NVARCHAR(20) NOT NULL,
    dimension_value NVARCHAR(100) NOT NULL,
    registered INT NOT NULL DEFAULT 0,
    first_time_registered INT NOT NULL DEFAULT 0,
    repeat_registered INT NOT NULL DEFAULT 0,
    skip_level_registered INT NOT NULL DEFAULT 0,
    accepted INT NOT NULL DEFAULT 0,
    accepted_on_time INT NOT NULL DEFAULT 0,
    concluded INT NOT NULL DEFAULT 0,
    concluded_on_time INT NOT NULL DEFAULT 0,
    rated_satisfied INT NOT NULL DEFAULT 0,
    rated_basically_satisfied INT NOT NULL DEFAULT 0,
    rated_dissatisfied INT NOT NULL DEFAULT 0,
    closed INT NOT NULL DEFAULT 0,
    closed_unrated INT NOT NULL DEFAULT 0,
    resolved INT NOT NULL DEFAULT 0,
    first_time_closed INT NOT NULL DEFAULT 0,
    first_time_resolved INT NOT NULL DEFAULT 0,
    review_requested INT NOT NULL DEFAULT 0,
    backlog_change INT NOT NULL DEFAULT 0,
    suggestion_received INT NOT NULL DEFAULT 0,
    suggestion_answered INT NOT NULL DEFAULT 0,
    suggestion_adopted INT NOT NULL DEFAULT 0,
    reception_batches INT NOT NULL DEFAULT 0,
    reception_persons INT NOT NULL DEFAULT 0,
    must_visit_batches INT NOT NULL DEFAULT 0,
    county_visit_batches INT NOT NULL DEFAULT 0,
    county_must_visit_batches INT NOT NULL DEFAULT 0,
    disputes_opened INT NOT NULL DEFAULT 0,
    disputes_accepted INT NOT NULL DEFAULT 0,
    sessions_held INT NOT NULL DEFAULT 0,
    agreements_reached INT NOT NULL DEFAULT 0,
    mediations_failed INT NOT NULL DEFAULT 0,
    judicial_decided INT NOT NULL DEFAULT 0,
    judicial_confirmed INT NOT NULL DEFAULT 0,
    agreements_followed_up INT NOT NULL DEFAULT 0,
    agreements_performed INT NOT NULL DEFAULT 0,
    cases_forwarded INT NOT NULL DEFAULT 0,
    cases_assigned INT NOT NULL DEFAULT 0,
    supervision_orders INT NOT NULL DEFAULT 0,
    registered_persons INT NOT NULL DEFAULT 0,
    PRIMARY KEY (dimension, region_path, dimension_value, month)
);

-- The regions directly below one, for a month or up to one: the five-colour chart's and the drill-down's rows, and their backlog
-- read from this index alone.
CREATE INDEX ix_metrics_monthly_facts_parent ON metrics_monthly_facts (dimension, parent_path, month) INCLUDE (region_path, backlog_change);

-- The facts stored before this script, rolled up once. The lineage splits each region path into its ancestors ('/a/b/' gives
-- '/a/' and '/a/b/'); each daily row counts in every ancestor's row of each dimension, and in its own region's 'own' row.
WITH lineage (leaf, parent, ancestor, rest) AS (
    SELECT region_path, CAST(N'' AS NVARCHAR(400)), CAST(N'/' AS NVARCHAR(400)), CAST(SUBSTRING(region_path, 2, 400) AS NVARCHAR(400))
    FROM (SELECT DISTINCT region_path FROM metrics_daily_facts) p
    UNION ALL
    SELECT leaf, CAST(CASE WHEN ancestor = N'/' THEN N'' ELSE ancestor END AS NVARCHAR(400)),
        CAST(ancestor + SUBSTRING(rest, 1, CHARINDEX(N'/', rest)) AS NVARCHAR(400)), CAST(SUBSTRING(rest, CHARINDEX(N'/', rest) + 1, 400) AS NVARCHAR(400))
    FROM lineage WHERE CHARINDEX(N'/', rest) > 0
),
dimensions (dimension) AS (SELECT N'total' UNION ALL SELECT N'own' UNION ALL SELECT N'channel' UNION ALL SELECT N'category')
INSERT INTO metrics_monthly_facts (month, region_path, parent_path, dimension, dimension_value,
    registered, first_time_registered, repeat_registered, skip_level_registered, accepted, accepted_on_time,
    concluded, concluded_on_time, rated_satisfied, rated_basically_satisfied, rated_dissatisfied, closed,
    closed_unrated, resolved, first_time_closed, first_time_resolved, review_requested, backlog_change,
    suggestion_received, suggestion_answered, suggestion_adopted, reception_batches, reception_persons,
    must_visit_batches, county_visit_batches, county_must_visit_batches, disputes_opened, disputes_accepted,
    sessions_held, agreements_reached, mediations_failed, judicial_decided, judicial_confirmed,
    agreements_followed_up, agreements_performed, cases_forwarded, cases_assigned, supervision_orders,
    registered_persons)
SELECT DATEFROMPARTS(YEAR(f.day), MONTH(f.day), 1), l.ancestor, l.parent, d.dimension, CASE d.dimension WHEN N'channel' THEN f.channel WHEN N'category' THEN f.category ELSE N'' END,
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
WHERE l.ancestor <> N'/' AND (d.dimension <> N'own' OR l.ancestor = l.leaf)
GROUP BY DATEFROMPARTS(YEAR(f.day), MONTH(f.day), 1), l.ancestor, l.parent, d.dimension, CASE d.dimension WHEN N'channel' THEN f.channel WHEN N'category' THEN f.category ELSE N'' END;
