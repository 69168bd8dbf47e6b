SELECT rate_plan_id, ifNull(campaign_id, 0) AS campaign_id, level1_percent, level2_percent,
       level3_percent, toString(valid_from) AS valid_from, ifNull(toString(valid_to), '') AS valid_to
FROM referral_rate_plan_dim FINAL
WHERE deleted = 0
