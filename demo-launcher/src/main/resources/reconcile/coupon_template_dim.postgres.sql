SELECT id AS template_id, campaign_id, code, name, discount_type, amount_off, percent_off, channel_scope,
       to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS valid_from,
       to_char(valid_to AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS valid_to
FROM coupon_templates
