-- The referral rate plans; 0 and '' stand for no campaign (chain-wide) and no end.
SELECT id AS rate_plan_id, coalesce(campaign_id, 0) AS campaign_id, level1_percent, level2_percent,
       level3_percent, to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS valid_from,
       coalesce(to_char(valid_to AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '') AS valid_to
FROM referral_rate_plans
