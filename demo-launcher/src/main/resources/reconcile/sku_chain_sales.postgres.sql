-- Net sales and units per SKU and business day over all stores, each on its own local day: the
-- sku_sales rows added up without the store.
WITH sold AS (
    SELECT store_id, sku_id, paid_at, net_amount, net_units
    FROM sales_lines
    UNION ALL
    SELECT w.store_id, wl.sku_id, w.paid_at, wl.line_amount, wl.quantity
    FROM work_orders w
             JOIN work_order_lines wl ON wl.work_order_id = w.id AND wl.kind = 'part'
    WHERE w.status IN ('paid', 'completed') AND w.paid_at IS NOT NULL
)
SELECT s.sku_id, to_char((s.paid_at AT TIME ZONE l.time_zone)::date, 'YYYY-MM-DD') AS local_date,
       sum(s.net_amount) AS net_sales, sum(s.net_units) AS units
FROM sold s
         JOIN locations l ON l.id = s.store_id
GROUP BY 1, 2
