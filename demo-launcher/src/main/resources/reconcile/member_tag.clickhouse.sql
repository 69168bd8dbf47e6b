SELECT member_id, tag, 1 AS holds
FROM member_tag FINAL
WHERE active = 1
