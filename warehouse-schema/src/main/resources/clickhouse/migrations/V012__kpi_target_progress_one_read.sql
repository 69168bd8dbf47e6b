-- KPI vs target read store_day three times (the days, the months over the days, and each store's
-- newest UTC offset), each time the whole history: a chart's filter on the period does not reach
-- through joins on 18.16. Now one read: each day counts for its day and for its month (ARRAY JOIN),
-- and a period's UTC offset is that of its newest day with sales. A period without sales takes
-- offset 0, which moves only its elapsed share by the store's offset (its projection is 0 either
-- way). Columns and meaning are those of V005's view.
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
               sum(net_sales) AS achieved_net_sales, sum(paid_orders) AS achieved_orders,
               sum(new_members) AS achieved_new_members, argMax(utc_offset, local_date) AS utc_offset
        FROM store_day
        ARRAY JOIN ['day', 'month'] AS period_type, [local_date, toStartOfMonth(local_date)] AS period_start
        GROUP BY store_id, period_type, period_start
    ) USING (store_id, period_type, period_start)
);
