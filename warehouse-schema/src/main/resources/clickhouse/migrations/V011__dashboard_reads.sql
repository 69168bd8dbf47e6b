-- Net sales and units per SKU and business day over all stores (each store's own local day),
-- written by store-kpis from the same changes as sku_sales: the chain's product ranking reads one
-- row per SKU and day instead of adding up every store's row at read time. Ordered by day, so a
-- month's ranking reads a month. A deployment upgrading a running store-kpis starts it afresh (it
-- reads its topics from the beginning), as for V004: restored from an older savepoint, the job's
-- new totals would start at zero.
CREATE TABLE IF NOT EXISTS sku_chain_sales
(
    sku_id     Int64,
    local_date Date,
    net_sales  Decimal(18, 2),
    units      Int64,
    version    UInt64,
    updated_at DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(local_date)
ORDER BY (local_date, sku_id);

-- Views that charts filter by day pick the newest row per key under a GROUP BY instead of FINAL:
-- ClickHouse pushes a filter on a grouping column down into such a subquery (on 18.16 with
-- enable_optimize_predicate_expression = 1), where it uses the table's order, but not into a FINAL
-- one. The newest row is the one FINAL keeps: the highest version, and among equal versions (a
-- batch whose changes all had lower LSNs than the row's newest) the one inserted last. Two rows of
-- one key are always in different parts (a merge keeps one), and a part's highest block number
-- (the third field of its name) is higher the later it was written.

-- The chain's ranking with names and categories (was: sku_sales_day added up per SKU and day).
DROP TABLE IF EXISTS sku_sales_chain_day;

CREATE VIEW IF NOT EXISTS sku_sales_chain_day AS
SELECT sku_id, local_date, net_sales, units, sku_code, sku_name, product_id, category, kind
FROM
(
    SELECT sku_id, local_date, newest.1 AS net_sales, newest.2 AS units
    FROM
    (
        SELECT sku_id, local_date,
               argMax((net_sales, units), (version, toUInt64(splitByChar('_', _part)[3]))) AS newest
        FROM sku_chain_sales
        GROUP BY sku_id, local_date
    )
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

-- The live minutes: each store's KPIs per channel and UTC minute, for the minute charts.
CREATE VIEW IF NOT EXISTS store_kpi_minute AS
SELECT store_id, channel, bucket_start, local_date,
       newest.1 AS gross_sales, newest.2 AS refunds, newest.3 AS net_sales,
       newest.4 AS paid_orders, newest.5 AS units, newest.6 AS member_orders,
       newest.7 AS member_net_sales
FROM
(
    SELECT store_id, channel, bucket_start, local_date,
           argMax((gross_sales, refunds, net_sales, paid_orders, units, member_orders, member_net_sales),
                  (version, toUInt64(splitByChar('_', _part)[3]))) AS newest
    FROM store_kpi
    WHERE grain = 'minute'
    GROUP BY store_id, channel, bucket_start, local_date
);

-- Each store's business day over its channels (was: store_kpi FINAL, which 18.16 merges slowly:
-- a week's net sales took ~330 ms on a 5 M-line history, the newest row per key ~20 ms).
DROP TABLE IF EXISTS store_day;

CREATE VIEW IF NOT EXISTS store_day AS
SELECT store_id, local_date,
       min(bucket_start) AS day_start, max(bucket_end) AS day_end, any(utc_offset) AS utc_offset,
       sum(n.1) AS gross_sales, sum(n.2) AS member_discount, sum(n.3) AS coupon_discount,
       sum(n.4) AS points_discount, sum(n.5) AS refunds, sum(n.6) AS net_sales,
       sum(n.7) AS paid_orders, sum(n.8) AS units, sum(n.9) AS member_orders,
       sum(n.10) AS member_net_sales, sum(n.11) AS new_members,
       sum(n.12) AS goods_net_sales, sum(n.13) AS goods_units,
       sum(n.14) AS service_net_sales, sum(n.15) AS service_units,
       sum(n.16) AS part_net_sales, sum(n.17) AS part_units
FROM
(
    SELECT store_id, channel, bucket_start, local_date,
           any(bucket_end) AS bucket_end, any(utc_offset) AS utc_offset,
           argMax((gross_sales, member_discount, coupon_discount, points_discount, refunds, net_sales,
                   paid_orders, units, member_orders, member_net_sales, new_members,
                   goods_net_sales, goods_units, service_net_sales, service_units,
                   part_net_sales, part_units),
                  (version, toUInt64(splitByChar('_', _part)[3]))) AS n
    FROM store_kpi
    WHERE grain = 'day'
    GROUP BY store_id, channel, bucket_start, local_date
)
GROUP BY store_id, local_date;
