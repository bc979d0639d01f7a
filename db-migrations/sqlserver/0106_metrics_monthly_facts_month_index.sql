-- A region's monthly rows of one dimension by month: the dashboard's mixes by channel and by category read the month's row of
-- each value, and the primary key (dimension, region_path, dimension_value, month) had them walk every month of every value
-- (a district at 1 M: about 290 rows for 14). Also the trend's twelve months, and the backlog by value from this index alone.
CREATE INDEX ix_metrics_monthly_facts_region_month ON metrics_monthly_facts (dimension, region_path, month, dimension_value, backlog_change);
