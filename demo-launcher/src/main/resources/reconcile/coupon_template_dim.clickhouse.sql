SELECT template_id, campaign_id, code, name, discount_type, amount_off, percent_off, channel_scope,
       toString(valid_from) AS valid_from, toString(valid_to) AS valid_to
FROM coupon_template_dim FINAL
WHERE deleted = 0
