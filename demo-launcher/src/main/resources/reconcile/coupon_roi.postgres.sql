-- Per coupon template, channel and business day: coupons issued (channel 'any', the chain's day),
-- paid orders that redeemed one (their coupon discount and whole net sales, on the order's store's
-- business day), orders cancelled before payment that released one (on the day of cancellation).
SELECT template_id, channel, local_date,
       sum(issued) AS issued, sum(redeemed) AS redeemed, sum(released) AS released,
       sum(discount_cost) AS discount_cost, sum(attributed_net_sales) AS attributed_net_sales
FROM (
    SELECT c.template_id, 'any' AS channel,
           to_char((c.issued_at AT TIME ZONE '${default_time_zone}')::date, 'YYYY-MM-DD') AS local_date,
           1 AS issued, 0 AS redeemed, 0 AS released, 0 AS discount_cost, 0 AS attributed_net_sales
    FROM coupons c
    UNION ALL
    SELECT c.template_id, o.channel,
           to_char((o.paid_at AT TIME ZONE l.time_zone)::date, 'YYYY-MM-DD'),
           0, 1, 0, o.coupon_discount, o.total_amount - o.refunded_amount
    FROM orders o
             JOIN coupons c ON c.id = o.coupon_id
             JOIN locations l ON l.id = o.store_id
    WHERE o.status IN ('paid', 'fulfilled', 'picked_up', 'completed')
      AND o.paid_at IS NOT NULL
    UNION ALL
    SELECT c.template_id, o.channel,
           to_char((o.cancelled_at AT TIME ZONE l.time_zone)::date, 'YYYY-MM-DD'),
           0, 0, 1, 0, 0
    FROM orders o
             JOIN coupons c ON c.id = o.coupon_id
             JOIN locations l ON l.id = o.store_id
    WHERE o.status = 'cancelled'
      AND o.paid_at IS NULL
      AND o.cancelled_at IS NOT NULL
) f
GROUP BY template_id, channel, local_date
