SELECT commission_id, order_id, line_no, level, member_id, rate_plan_id, amount, reversed_amount,
       status, toString(created_at) AS created_at
FROM referral_commission FINAL
WHERE deleted = 0
