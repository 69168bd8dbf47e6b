-- The current KPI rows (deduplicated) with average order value, for dashboards and ad-hoc SQL.
CREATE VIEW IF NOT EXISTS store_kpi_current AS
SELECT
    grain,
    store_id,
    channel,
    bucket_start,
    net_sales,
    paid_orders,
    units,
    if(paid_orders = 0, toDecimal64(0, 2), toDecimal64(net_sales / paid_orders, 2)) AS avg_order_value
FROM store_kpi FINAL;
