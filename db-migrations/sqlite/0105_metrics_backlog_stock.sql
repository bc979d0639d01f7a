-- The backlog's stock per monthly row's key: the sum of every month's backlog_change of one region (its subtree), dimension and
-- value, kept beside the months so that a chart's backlog at the end of the current month reads one row per region below
-- instead of summing the changes of every month since the beginning (a district's towns: over 700 monthly changes). The stock
-- at the end of an earlier month is this one less the changes of the months after it. Only keys whose stock is not zero have a
-- row; the consumers update it in the transaction that writes the months.

CREATE TABLE metrics_backlog_stock (
    dimension TEXT NOT NULL,
    region_path TEXT NOT NULL,
    parent_path TEXT NOT NULL,
    dimension_value TEXT NOT NULL,
    backlog INTEGER NOT NULL,
    PRIMARY KEY (dimension, region_path, dimension_value)
) WITHOUT ROWID;

-- The regions directly below one, with their stock: the chart's backlog read from this index alone.
CREATE INDEX ix_metrics_backlog_stock_parent ON metrics_backlog_stock (dimension, parent_path, region_path, backlog);

-- The stock of the months stored before this script.
INSERT INTO metrics_backlog_stock (dimension, region_path, parent_path, dimension_value, backlog)
SELECT dimension, region_path, MIN(parent_path), dimension_value, SUM(backlog_change)
FROM metrics_monthly_facts
GROUP BY dimension, region_path, dimension_value
HAVING SUM(backlog_change) <> 0;
