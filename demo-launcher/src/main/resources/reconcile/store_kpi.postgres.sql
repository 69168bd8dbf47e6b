-- The store KPIs as PostgreSQL says: every sale (the sales_orders rule) at the UTC minute, the
-- store's local hour (as the instant it starts), business day and business month (as its first
-- day) of its payment, and every member at those of their joining (store 0 and the default time
-- zone when they joined online), and every paid repair on site in the channel 'onsite' (parts as
-- part sales, labour as service sales without units). ${default_time_zone} is the chain's zone,
-- as the job has it.
WITH kinds AS (
    SELECT order_id,
           sum(net_amount) FILTER (WHERE product_kind = 'goods')   AS goods_net_sales,
           sum(net_units) FILTER (WHERE product_kind = 'goods')    AS goods_units,
           sum(net_amount) FILTER (WHERE product_kind = 'service') AS service_net_sales,
           sum(net_units) FILTER (WHERE product_kind = 'service')  AS service_units,
           sum(net_amount) FILTER (WHERE product_kind = 'part')    AS part_net_sales,
           sum(net_units) FILTER (WHERE product_kind = 'part')     AS part_units
    FROM sales_lines
    GROUP BY order_id
),
facts AS (
    SELECT o.store_id, o.channel, o.paid_at AS at, l.time_zone,
           coalesce(o.subtotal_amount, o.total_amount) AS gross_sales,
           o.member_discount, o.coupon_discount, o.points_discount,
           o.refunded_amount AS refunds,
           o.total_amount - o.refunded_amount AS net_sales,
           1 AS paid_orders,
           o.total_units - o.returned_units AS units,
           CASE WHEN o.member_id IS NULL THEN 0 ELSE 1 END AS member_orders,
           CASE WHEN o.member_id IS NULL THEN 0 ELSE o.total_amount - o.refunded_amount END AS member_net_sales,
           0 AS new_members,
           coalesce(k.goods_net_sales, 0) AS goods_net_sales, coalesce(k.goods_units, 0) AS goods_units,
           coalesce(k.service_net_sales, 0) AS service_net_sales, coalesce(k.service_units, 0) AS service_units,
           coalesce(k.part_net_sales, 0) AS part_net_sales, coalesce(k.part_units, 0) AS part_units
    FROM orders o
             JOIN locations l ON l.id = o.store_id
             LEFT JOIN kinds k ON k.order_id = o.id
    WHERE o.status IN ('paid', 'fulfilled', 'picked_up', 'completed')
      AND o.paid_at IS NOT NULL
    UNION ALL
    SELECT w.store_id, 'onsite', w.paid_at, l.time_zone,
           w.total_amount, 0, 0, 0, 0, w.total_amount, 1,
           coalesce(p.units, 0),
           CASE WHEN w.member_id IS NULL THEN 0 ELSE 1 END,
           CASE WHEN w.member_id IS NULL THEN 0 ELSE w.total_amount END,
           0, 0, 0, w.labour_amount, 0, w.parts_amount, coalesce(p.units, 0)
    FROM work_orders w
             JOIN locations l ON l.id = w.store_id
             LEFT JOIN (SELECT work_order_id, sum(quantity) AS units
                        FROM work_order_lines WHERE kind = 'part'
                        GROUP BY work_order_id) p ON p.work_order_id = w.id
    WHERE w.status IN ('paid', 'completed') AND w.paid_at IS NOT NULL
    UNION ALL
    SELECT coalesce(m.store_id, 0), m.channel, m.created_at, coalesce(l.time_zone, '${default_time_zone}'),
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    FROM members m
             LEFT JOIN locations l ON l.id = m.store_id
),
buckets AS (
    SELECT f.*,
           to_char(date_trunc('minute', at AT TIME ZONE 'UTC'), 'YYYY-MM-DD HH24:MI:SS') AS minute,
           to_char((at - (extract(minute FROM at AT TIME ZONE time_zone) * 60
                              + extract(second FROM at AT TIME ZONE time_zone)) * interval '1 second')
                       AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS hour,
           to_char((at AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS day,
           to_char(date_trunc('month', at AT TIME ZONE time_zone), 'YYYY-MM-DD') AS month_start
    FROM facts f
)
SELECT CASE WHEN grouping(minute) = 0 THEN 'minute' WHEN grouping(hour) = 0 THEN 'hour'
            WHEN grouping(day) = 0 THEN 'day' ELSE 'month' END AS grain,
       store_id, channel, coalesce(minute, hour, day, month_start) AS bucket,
       sum(gross_sales) AS gross_sales, sum(member_discount) AS member_discount,
       sum(coupon_discount) AS coupon_discount, sum(points_discount) AS points_discount,
       sum(refunds) AS refunds, sum(net_sales) AS net_sales, sum(paid_orders) AS paid_orders,
       sum(units) AS units, sum(member_orders) AS member_orders, sum(member_net_sales) AS member_net_sales,
       sum(new_members) AS new_members,
       sum(goods_net_sales) AS goods_net_sales, sum(goods_units) AS goods_units,
       sum(service_net_sales) AS service_net_sales, sum(service_units) AS service_units,
       sum(part_net_sales) AS part_net_sales, sum(part_units) AS part_units
FROM buckets
GROUP BY GROUPING SETS ((store_id, channel, minute), (store_id, channel, hour), (store_id, channel, day),
                       (store_id, channel, month_start))
