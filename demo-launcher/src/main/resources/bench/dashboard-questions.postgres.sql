-- The dashboards' questions asked of the transactional PostgreSQL, as a user without the platform
-- would: the same figures over the same time ranges as the charts, from orders, lines, stock and
-- coupons. One block per chart, headed by a comment line naming the chart. {today} stands for the
-- day the bench runs (a date literal): Superset resolves "Last week" and the like from midnight of
-- that day, on each store's business day where the chart's column is one. Charts of member tags
-- and profiles have no block: those figures exist only because the platform computes them.

-- chart: Net sales, last 7 days
SELECT sum(o.net_amount) AS total_net_sales
FROM sales_orders o JOIN locations l ON l.id = o.store_id
WHERE (o.paid_at AT TIME ZONE l.time_zone)::date >= {today} - 7 AND (o.paid_at AT TIME ZONE l.time_zone)::date < {today};

-- chart: Orders, last 7 days
SELECT count(*) AS total_paid_orders
FROM sales_orders o JOIN locations l ON l.id = o.store_id
WHERE (o.paid_at AT TIME ZONE l.time_zone)::date >= {today} - 7 AND (o.paid_at AT TIME ZONE l.time_zone)::date < {today};

-- chart: Average order value, last 7 days
SELECT sum(o.net_amount) / greatest(count(*), 1) AS avg_order_value
FROM sales_orders o JOIN locations l ON l.id = o.store_id
WHERE (o.paid_at AT TIME ZONE l.time_zone)::date >= {today} - 7 AND (o.paid_at AT TIME ZONE l.time_zone)::date < {today};

-- chart: Units per transaction, last 7 days
SELECT sum(o.net_units)::numeric / greatest(count(*), 1) AS units_per_transaction
FROM sales_orders o JOIN locations l ON l.id = o.store_id
WHERE (o.paid_at AT TIME ZONE l.time_zone)::date >= {today} - 7 AND (o.paid_at AT TIME ZONE l.time_zone)::date < {today};

-- chart: Net sales per business day
SELECT (o.paid_at AT TIME ZONE l.time_zone)::date AS local_date, sum(o.net_amount) AS total_net_sales
FROM sales_orders o JOIN locations l ON l.id = o.store_id
WHERE (o.paid_at AT TIME ZONE l.time_zone)::date >= ({today} - interval '3 months')::date AND (o.paid_at AT TIME ZONE l.time_zone)::date < {today}
GROUP BY 1 ORDER BY 1;

-- chart: New members per business day
SELECT (m.created_at AT TIME ZONE coalesce(l.time_zone, 'Europe/Berlin'))::date AS local_date,
       count(*) AS total_new_members
FROM members m LEFT JOIN locations l ON l.id = m.store_id
WHERE (m.created_at AT TIME ZONE coalesce(l.time_zone, 'Europe/Berlin'))::date >= ({today} - interval '3 months')::date AND (m.created_at AT TIME ZONE coalesce(l.time_zone, 'Europe/Berlin'))::date < {today}
GROUP BY 1 ORDER BY 1;

-- chart: Store comparison
SELECT l.code, l.name, sum(o.net_amount) AS total_net_sales, count(*) AS total_paid_orders,
       sum(o.net_amount) / count(*) AS avg_order_value,
       sum(o.net_units)::numeric / count(*) AS units_per_transaction,
       (SELECT count(*) FROM members m WHERE m.store_id = l.id
          AND (m.created_at AT TIME ZONE l.time_zone)::date >= ({today} - interval '1 months')::date AND (m.created_at AT TIME ZONE l.time_zone)::date < {today}) AS total_new_members,
       sum(o.net_amount) FILTER (WHERE o.member_id IS NOT NULL) / sum(o.net_amount) AS member_sales_share
FROM sales_orders o JOIN locations l ON l.id = o.store_id
WHERE (o.paid_at AT TIME ZONE l.time_zone)::date >= ({today} - interval '1 months')::date AND (o.paid_at AT TIME ZONE l.time_zone)::date < {today}
GROUP BY l.id, l.code, l.name ORDER BY total_net_sales DESC;

-- chart: Top 10 products
SELECT k.code, k.name, p.category, sum(s.net_amount) AS product_net_sales, sum(s.net_units) AS product_units
FROM sales_lines s JOIN locations l ON l.id = s.store_id
JOIN skus k ON k.id = s.sku_id JOIN products p ON p.id = k.product_id
WHERE (s.paid_at AT TIME ZONE l.time_zone)::date >= ({today} - interval '1 months')::date AND (s.paid_at AT TIME ZONE l.time_zone)::date < {today}
GROUP BY 1, 2, 3 ORDER BY product_net_sales DESC LIMIT 10;

-- chart: Net sales by category
SELECT p.category, sum(s.net_amount) AS product_net_sales
FROM sales_lines s JOIN locations l ON l.id = s.store_id
JOIN skus k ON k.id = s.sku_id JOIN products p ON p.id = k.product_id
WHERE (s.paid_at AT TIME ZONE l.time_zone)::date >= ({today} - interval '1 months')::date AND (s.paid_at AT TIME ZONE l.time_zone)::date < {today}
GROUP BY 1 ORDER BY 2 DESC;

-- chart: KPI vs target, this month
SELECT l.code, t.period_start, t.net_sales AS target, coalesce(sum(o.net_amount), 0) AS achieved
FROM kpi_targets t
JOIN locations l ON l.id = t.store_id
LEFT JOIN sales_orders o ON o.store_id = t.store_id
     AND date_trunc('month', o.paid_at AT TIME ZONE l.time_zone)::date = t.period_start
WHERE t.period_type = 'month' AND t.period_start >= ({today} - interval '1 months')::date AND t.period_start < {today}
GROUP BY 1, 2, 3 ORDER BY 1, 2;

-- chart: Net sales vs target by store
SELECT l.code, sum(t.net_sales) AS target, sum(a.achieved) AS achieved
FROM kpi_targets t
JOIN locations l ON l.id = t.store_id
LEFT JOIN LATERAL (
    SELECT coalesce(sum(o.net_amount), 0) AS achieved FROM sales_orders o
    WHERE o.store_id = t.store_id
      AND date_trunc('month', o.paid_at AT TIME ZONE l.time_zone)::date = t.period_start) a ON true
WHERE t.period_type = 'month' AND t.period_start >= ({today} - interval '1 months')::date AND t.period_start < {today}
GROUP BY 1 ORDER BY 1;

-- chart: Net sales per minute by store
SELECT date_trunc('minute', paid_at AT TIME ZONE 'UTC') AS bucket_start, store_id, sum(net_amount) AS total_net_sales
FROM sales_orders
WHERE paid_at >= ({today} - 1)::timestamp AT TIME ZONE 'UTC' AND paid_at < {today}::timestamp AT TIME ZONE 'UTC'
GROUP BY 1, 2 ORDER BY 1, 2;

-- chart: Store KPIs by channel
SELECT store_id, channel, sum(net_amount) AS total_net_sales, count(*) AS total_paid_orders,
       sum(net_amount) / count(*) AS avg_order_value, sum(net_units)::numeric / count(*) AS units_per_order
FROM sales_orders
WHERE paid_at >= ({today} - 1)::timestamp AT TIME ZONE 'UTC' AND paid_at < {today}::timestamp AT TIME ZONE 'UTC'
GROUP BY 1, 2 ORDER BY 1, 2;

-- chart: SKU-locations below reorder point
WITH velocity AS (
    SELECT o.store_id, l.sku_id, sum(l.quantity) / 28.0 AS per_day
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.paid_at > (SELECT max(paid_at) FROM orders) - interval '28 days'
    GROUP BY 1, 2)
SELECT count(*) AS below_reorder
FROM stock s LEFT JOIN velocity v ON v.store_id = s.location_id AND v.sku_id = s.sku_id
WHERE s.on_hand - s.reserved + s.in_transit < coalesce(v.per_day, 0) * 7;

-- chart: Low stock
WITH velocity AS (
    SELECT o.store_id, l.sku_id, sum(l.quantity) / 28.0 AS per_day
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.paid_at > (SELECT max(paid_at) FROM orders) - interval '28 days'
    GROUP BY 1, 2)
SELECT loc.code, k.code, k.name, s.on_hand, (s.on_hand - s.reserved + s.in_transit) / v.per_day AS days_of_cover
FROM stock s JOIN velocity v ON v.store_id = s.location_id AND v.sku_id = s.sku_id
JOIN locations loc ON loc.id = s.location_id JOIN skus k ON k.id = s.sku_id
WHERE s.on_hand - s.reserved + s.in_transit < v.per_day * 7
ORDER BY days_of_cover LIMIT 200;

-- chart: Days of cover by store
WITH velocity AS (
    SELECT o.store_id, l.sku_id, sum(l.quantity) / 28.0 AS per_day
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.paid_at > (SELECT max(paid_at) FROM orders) - interval '28 days'
    GROUP BY 1, 2)
SELECT loc.code, loc.name,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY (s.on_hand - s.reserved + s.in_transit) / v.per_day) AS median_days_of_cover,
       sum(s.on_hand) AS units_on_hand
FROM stock s JOIN velocity v ON v.store_id = s.location_id AND v.sku_id = s.sku_id
JOIN locations loc ON loc.id = s.location_id
WHERE loc.kind = 'store'
GROUP BY 1, 2 ORDER BY 3;

-- chart: Open transfer suggestions
SELECT count(*) AS open_suggestions FROM suggested_transfers WHERE status = 'open';

-- chart: Open suggestions by route
SELECT f.code, t.code, k.code, sum(s.quantity) AS suggested_units
FROM suggested_transfers s JOIN locations f ON f.id = s.from_location_id
JOIN locations t ON t.id = s.to_location_id JOIN skus k ON k.id = s.sku_id
WHERE s.status = 'open' GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 500;

-- chart: ROI per campaign
SELECT c.code, count(*) AS coupons_issued, count(*) FILTER (WHERE cp.status = 'redeemed') AS coupons_redeemed,
       sum(o.coupon_discount) AS discount_cost_total, sum(o.total_amount - o.refunded_amount) AS attributed_sales
FROM campaigns c JOIN coupon_templates t ON t.campaign_id = c.id JOIN coupons cp ON cp.template_id = t.id
LEFT JOIN orders o ON o.id = cp.order_id AND o.status IN ('paid', 'fulfilled', 'picked_up', 'completed')
GROUP BY 1 ORDER BY attributed_sales DESC NULLS LAST;

-- chart: ROI per coupon template
SELECT c.code, t.code, count(*) AS coupons_issued, count(*) FILTER (WHERE cp.status = 'redeemed') AS coupons_redeemed,
       sum(o.coupon_discount) AS discount_cost_total, sum(o.total_amount - o.refunded_amount) AS attributed_sales
FROM campaigns c JOIN coupon_templates t ON t.campaign_id = c.id JOIN coupons cp ON cp.template_id = t.id
LEFT JOIN orders o ON o.id = cp.order_id AND o.status IN ('paid', 'fulfilled', 'picked_up', 'completed')
GROUP BY 1, 2 ORDER BY attributed_sales DESC NULLS LAST;

-- chart: Redemptions per channel
SELECT channel, count(*) AS coupons_redeemed, sum(coupon_discount) AS discount_cost_total,
       sum(total_amount - refunded_amount) AS attributed_sales
FROM orders WHERE coupon_id IS NOT NULL AND status IN ('paid', 'fulfilled', 'picked_up', 'completed')
GROUP BY 1;

-- chart: Redemptions per business day
SELECT (o.paid_at AT TIME ZONE l.time_zone)::date, c.code, count(*) AS coupons_redeemed
FROM orders o JOIN locations l ON l.id = o.store_id JOIN coupons cp ON cp.id = o.coupon_id
JOIN coupon_templates t ON t.id = cp.template_id JOIN campaigns c ON c.id = t.campaign_id
WHERE o.status IN ('paid', 'fulfilled', 'picked_up', 'completed') AND (o.paid_at AT TIME ZONE l.time_zone)::date >= ({today} - interval '3 months')::date AND (o.paid_at AT TIME ZONE l.time_zone)::date < {today}
GROUP BY 1, 2 ORDER BY 1, 2;

-- chart: Members by main channel
SELECT main_channel, count(*) AS members FROM (
    SELECT m.id, coalesce((SELECT o.channel FROM sales_orders o WHERE o.member_id = m.id
                           GROUP BY o.channel ORDER BY sum(o.net_amount) DESC LIMIT 1), 'none') AS main_channel
    FROM members m) x
GROUP BY 1;

-- chart: Channel mix of member spend
SELECT avg(online) AS avg_online_share, avg(pos) AS avg_pos_share, avg(pickup) AS avg_pickup_share FROM (
    SELECT member_id,
           sum(net_amount) FILTER (WHERE channel = 'online') / nullif(sum(net_amount), 0) AS online,
           sum(net_amount) FILTER (WHERE channel = 'pos') / nullif(sum(net_amount), 0) AS pos,
           sum(net_amount) FILTER (WHERE channel = 'pickup') / nullif(sum(net_amount), 0) AS pickup
    FROM sales_orders WHERE member_id IS NOT NULL GROUP BY member_id) x;
