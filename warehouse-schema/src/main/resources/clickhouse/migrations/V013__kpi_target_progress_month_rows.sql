-- KPI vs target added up a year of store-days for the month targets (over 1 s on a 20 M-line
-- history, most of it picking the newest row of every store-day). store-kpis now writes a 'month'
-- grain (each store's business month per channel, local_date its first day), so a month target
-- reads its store's month rows, and a day target only the day rows of days that have a target. A
-- period's UTC offset is its store's offset at the period's start (a DST change within a month
-- moves its elapsed share by an hour at most). Columns and meaning are those of V005's view.
-- store-kpis restored from a savepoint taken before this version has no month totals: start it
-- afresh (it reads its topics from the beginning), as for V004 and V011.
DROP TABLE IF EXISTS kpi_target_progress;

CREATE VIEW IF NOT EXISTS kpi_target_progress AS
SELECT store_id, period_type, period_start,
       target_net_sales, target_orders, target_new_members,
       achieved_net_sales, achieved_orders, achieved_new_members,
       if(target_net_sales = 0, NULL, toFloat64(achieved_net_sales) / toFloat64(target_net_sales) * 100) AS net_sales_pct,
       if(target_orders = 0, NULL, achieved_orders / target_orders * 100) AS orders_pct,
       if(target_new_members = 0, NULL, achieved_new_members / target_new_members * 100) AS new_members_pct,
       elapsed,
       if(elapsed < 0.01, NULL, toFloat64(achieved_net_sales) / elapsed) AS projected_net_sales,
       if(elapsed < 0.01, NULL, achieved_orders / elapsed) AS projected_orders,
       if(elapsed < 0.01, NULL, achieved_new_members / elapsed) AS projected_new_members
FROM
(
    SELECT store_id, period_type, period_start,
           target_net_sales, target_orders, target_new_members,
           achieved_net_sales, achieved_orders, achieved_new_members,
           greatest(0, least(1,
               (toFloat64(toUInt32(now())) + utc_offset - toFloat64(toUInt16(period_start)) * 86400)
               / (if(period_type = 'day', 1, toUInt16(addMonths(period_start, 1)) - toUInt16(period_start)) * 86400)
           )) AS elapsed
    FROM
    (
        SELECT store_id, period_type, period_start,
               net_sales AS target_net_sales, orders AS target_orders, new_members AS target_new_members
        FROM kpi_target FINAL
        WHERE deleted = 0
    )
    ANY LEFT JOIN
    (
        SELECT store_id, period_type, period_start,
               sum(newest.1) AS achieved_net_sales, sum(newest.2) AS achieved_orders,
               sum(newest.3) AS achieved_new_members, any(utc_offset) AS utc_offset
        FROM
        (
            -- The newest row per key, as V011's views pick it.
            SELECT store_id, grain AS period_type, local_date AS period_start, utc_offset,
                   argMax((net_sales, paid_orders, new_members),
                          (version, toUInt64(splitByChar('_', _part)[3]))) AS newest
            FROM store_kpi
            WHERE grain = 'month'
               OR (grain = 'day' AND (store_id, local_date) IN
                   (SELECT store_id, period_start FROM kpi_target WHERE period_type = 'day'))
            GROUP BY store_id, grain, local_date, channel, bucket_start, utc_offset
        )
        GROUP BY store_id, period_type, period_start
    ) USING (store_id, period_type, period_start)
);
