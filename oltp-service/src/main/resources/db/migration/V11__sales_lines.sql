-- Each line of a sale with what it is worth net: its share of the order's total (the order's
-- discounts spread in proportion to line amounts, rounded half up to the cent; the last line takes
-- what is left, so the lines add up to the total exactly), less what returns of that line
-- refunded. The analytics apply the same rule to the change events; reconciliation reads this.
CREATE VIEW sales_lines AS
SELECT o.id                                      AS order_id,
       l.line_no,
       o.store_id,
       o.channel,
       o.paid_at,
       l.sku_id,
       l.product_kind,
       l.quantity - l.returned_quantity          AS net_units,
       (CASE
            WHEN l.line_no = max(l.line_no) OVER w THEN o.total_amount - (sum(s.share) OVER w - s.share)
            ELSE s.share
           END - coalesce(r.refunded, 0))::numeric(18, 2) AS net_amount
FROM orders o
         JOIN order_lines l ON l.order_id = o.id
         CROSS JOIN LATERAL (
    -- In cents: round half up of total x line / subtotal, as exact integer arithmetic.
    SELECT CASE
               WHEN coalesce(o.subtotal_amount, o.total_amount) = 0 THEN 0
               ELSE div(2 * o.total_amount * l.line_amount * 10000
                            + coalesce(o.subtotal_amount, o.total_amount) * 100,
                        2 * coalesce(o.subtotal_amount, o.total_amount) * 100) / 100
               END AS share) s
         LEFT JOIN (SELECT order_id, line_no, sum(refund_amount) AS refunded
                    FROM order_return_lines
                    GROUP BY order_id, line_no) r ON r.order_id = l.order_id AND r.line_no = l.line_no
WHERE o.status IN ('paid', 'fulfilled', 'picked_up', 'completed')
  AND o.paid_at IS NOT NULL
WINDOW w AS (PARTITION BY o.id);
