-- What analysts query: the KPI rows with their ratios, stores and the chain per business day and
-- month, progress against targets, and product rankings. All read deduplicated rows (FINAL).

CREATE VIEW IF NOT EXISTS store_kpi_current AS
SELECT grain, store_id, channel, bucket_start, bucket_end, local_date, utc_offset,
       gross_sales, member_discount, coupon_discount, points_discount, refunds, net_sales,
       paid_orders, units, member_orders, member_net_sales, new_members,
       goods_net_sales, goods_units, service_net_sales, service_units, part_net_sales, part_units,
       if(paid_orders = 0, toDecimal64(0, 2), toDecimal64(net_sales / paid_orders, 2)) AS avg_order_value,
       if(paid_orders = 0, 0, units / paid_orders) AS units_per_transaction,
       if(net_sales = 0, 0, toFloat64(member_net_sales) / toFloat64(net_sales)) AS member_share
FROM store_kpi FINAL;

-- One row per store and business day, all channels: the store comparison.
CREATE VIEW IF NOT EXISTS store_day AS
SELECT store_id, local_date,
       min(bucket_start) AS day_start, max(bucket_end) AS day_end, any(utc_offset) AS utc_offset,
       sum(gross_sales) AS gross_sales, sum(member_discount) AS member_discount,
       sum(coupon_discount) AS coupon_discount, sum(points_discount) AS points_discount,
       sum(refunds) AS refunds, sum(net_sales) AS net_sales, sum(paid_orders) AS paid_orders,
       sum(units) AS units, sum(member_orders) AS member_orders,
       sum(member_net_sales) AS member_net_sales, sum(new_members) AS new_members,
       sum(goods_net_sales) AS goods_net_sales, sum(goods_units) AS goods_units,
       sum(service_net_sales) AS service_net_sales, sum(service_units) AS service_units,
       sum(part_net_sales) AS part_net_sales, sum(part_units) AS part_units
FROM store_kpi FINAL
WHERE grain = 'day'
GROUP BY store_id, local_date;

-- The chain per business day (each store's own local day), and stores per business month.
CREATE VIEW IF NOT EXISTS chain_day AS
SELECT local_date, stores, gross_sales, refunds, net_sales, paid_orders, units, member_net_sales,
       new_members,
       if(paid_orders = 0, toDecimal64(0, 2), toDecimal64(net_sales / paid_orders, 2)) AS avg_order_value
FROM
(
    SELECT local_date, count() AS stores,
           sum(gross_sales) AS gross_sales, sum(refunds) AS refunds, sum(net_sales) AS net_sales,
           sum(paid_orders) AS paid_orders, sum(units) AS units,
           sum(member_net_sales) AS member_net_sales, sum(new_members) AS new_members
    FROM store_day
    GROUP BY local_date
);

CREATE VIEW IF NOT EXISTS store_month AS
SELECT store_id, toStartOfMonth(local_date) AS month,
       sum(gross_sales) AS gross_sales, sum(refunds) AS refunds, sum(net_sales) AS net_sales,
       sum(paid_orders) AS paid_orders, sum(units) AS units, sum(new_members) AS new_members
FROM store_day
GROUP BY store_id, month;

-- Each target with what is achieved so far and a projection to the end of its period: what is
-- achieved, divided by the share of the period that has passed in the store's local time (a day
-- or a month; the store's current UTC offset, so a DST change within a month moves it by an hour
-- at most). No projection before 1 % of the period has passed; a past period projects what it
-- achieved.
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
               target_net_sales, target_orders, target_new_members,
               achieved_net_sales, achieved_orders, achieved_new_members
        FROM
        (
            SELECT store_id, period_type, period_start,
                   net_sales AS target_net_sales, orders AS target_orders, new_members AS target_new_members
            FROM kpi_target FINAL
            WHERE deleted = 0
        )
        ANY LEFT JOIN
        (
            SELECT store_id, 'day' AS period_type, local_date AS period_start,
                   net_sales AS achieved_net_sales, paid_orders AS achieved_orders, new_members AS achieved_new_members
            FROM store_day
            UNION ALL
            SELECT store_id, 'month' AS period_type, month AS period_start,
                   net_sales AS achieved_net_sales, paid_orders AS achieved_orders, new_members AS achieved_new_members
            FROM store_month
        ) USING (store_id, period_type, period_start)
    )
    ANY LEFT JOIN
    (
        SELECT store_id, argMax(utc_offset, local_date) AS utc_offset FROM store_day GROUP BY store_id
    ) USING (store_id)
);

-- Products per store and business day, and for the chain, with their category: the ranking.
-- Top 10 per store today: ... WHERE local_date = today() ORDER BY store_id, net_sales DESC LIMIT 10 BY store_id
CREATE VIEW IF NOT EXISTS sku_sales_day AS
SELECT store_id, sku_id, local_date, net_sales, units, sku_code, sku_name, product_id, category, kind
FROM
(
    SELECT store_id, sku_id, local_date, net_sales, units
    FROM sku_sales FINAL
    WHERE net_sales != 0 OR units != 0
)
ANY LEFT JOIN
(
    SELECT sku_id, sku_code, sku_name, product_id, category, kind
    FROM
    (
        SELECT sku_id, code AS sku_code, name AS sku_name, product_id
        FROM sku_dim FINAL
        WHERE deleted = 0
    )
    ANY LEFT JOIN
    (
        SELECT product_id, category, kind FROM product_dim FINAL WHERE deleted = 0
    ) USING (product_id)
) USING (sku_id);

CREATE VIEW IF NOT EXISTS sku_sales_chain_day AS
SELECT sku_id, local_date, sum(net_sales) AS net_sales, sum(units) AS units,
       any(sku_code) AS sku_code, any(sku_name) AS sku_name, any(category) AS category, any(kind) AS kind
FROM sku_sales_day
GROUP BY sku_id, local_date;
