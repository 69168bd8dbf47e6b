SELECT tag, members
FROM member_tag_count FINAL
