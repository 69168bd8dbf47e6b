-- Each referral commission as booked, with what its reversals took back so far.
SELECT id AS commission_id, order_id, line_no, level, member_id, rate_plan_id, amount, reversed_amount,
       status, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS created_at
FROM referral_commissions
