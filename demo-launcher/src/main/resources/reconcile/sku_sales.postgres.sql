-- Net sales and units per store, SKU and the store's business day, from the sales_lines rule.
SELECT s.store_id, s.sku_id, to_char((s.paid_at AT TIME ZONE l.time_zone)::date, 'YYYY-MM-DD') AS local_date,
       sum(s.net_amount) AS net_sales, sum(s.net_units) AS units
FROM sales_lines s
         JOIN locations l ON l.id = s.store_id
GROUP BY 1, 2, 3
