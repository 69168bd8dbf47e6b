-- The member tags that hold at the end of millisecond ${as_of_ms} (epoch: how far the job's tags
-- are), by the rules of TagRules over what happened up to then; days are business days in
-- ${default_time_zone}.
WITH clock AS (
    SELECT to_timestamp(0) + ${as_of_ms} * interval '1 millisecond' + interval '999 microseconds' AS t,
           ((to_timestamp(0) + ${as_of_ms} * interval '1 millisecond')
               AT TIME ZONE '${default_time_zone}')::date AS today
),
purchases AS (
    SELECT o.member_id, o.paid_at, o.channel, o.total_amount - o.refunded_amount AS net,
           o.coupon_id IS NOT NULL AS coupon
    FROM orders o, clock
    WHERE o.member_id IS NOT NULL
      AND o.status IN ('paid', 'fulfilled', 'picked_up', 'completed')
      AND o.paid_at IS NOT NULL
      AND o.paid_at <= clock.t
),
bought AS (
    SELECT member_id, count(*) AS n, max(paid_at) AS last, sum(net) AS spend,
           count(*) FILTER (WHERE channel <> 'pos') AS online,
           count(*) FILTER (WHERE channel = 'pos') AS store,
           count(*) FILTER (WHERE coupon) AS coupons
    FROM purchases
    GROUP BY member_id
),
referred AS (
    SELECT level1_member_id AS member_id, count(*) AS n
    FROM referral_chains, clock
    WHERE level1_member_id IS NOT NULL AND joined_at <= clock.t
    GROUP BY level1_member_id
),
served AS (
    SELECT member_id, max(at) AS last
    FROM (SELECT member_id, paid_at AS at
          FROM work_orders
          WHERE member_id IS NOT NULL AND status IN ('paid', 'completed') AND paid_at IS NOT NULL
          UNION ALL
          SELECT member_id, starts_at FROM bookings WHERE status = 'booked') s, clock
    WHERE at <= clock.t
    GROUP BY member_id
)
SELECT m.id AS member_id, x.tag, 1 AS holds
FROM members m
         CROSS JOIN clock
         LEFT JOIN bought b ON b.member_id = m.id
         LEFT JOIN referred r ON r.member_id = m.id
         LEFT JOIN served v ON v.member_id = m.id
         CROSS JOIN LATERAL (VALUES
    ('new', m.created_at <= clock.t
        AND (m.created_at AT TIME ZONE '${default_time_zone}')::date >= clock.today - 29),
    ('active', b.last IS NOT NULL
        AND (b.last AT TIME ZONE '${default_time_zone}')::date >= clock.today - 29),
    ('lapsing', b.last IS NOT NULL
        AND clock.today >= (b.last AT TIME ZONE '${default_time_zone}')::date + 60),
    ('high-value', coalesce(b.spend, 0) >= 1000.00),
    ('omnichannel', coalesce(b.online, 0) > 0 AND coalesce(b.store, 0) > 0),
    ('online-only', coalesce(b.online, 0) > 0 AND coalesce(b.store, 0) = 0),
    ('store-only', coalesce(b.store, 0) > 0 AND coalesce(b.online, 0) = 0),
    ('coupon-sensitive', coalesce(b.n, 0) >= 2 AND b.coupons * 2 >= b.n),
    ('referrer', coalesce(r.n, 0) >= 1),
    ('service-user', v.last IS NOT NULL
        AND (v.last AT TIME ZONE '${default_time_zone}')::date >= clock.today - 89)
) AS x (tag, holds)
WHERE x.holds
