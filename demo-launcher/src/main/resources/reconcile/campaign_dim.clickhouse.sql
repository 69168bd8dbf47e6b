SELECT campaign_id, code, name, toString(starts_at) AS starts_at, toString(ends_at) AS ends_at
FROM campaign_dim FINAL
WHERE deleted = 0
