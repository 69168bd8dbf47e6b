-- Every member with a profile or a live tag, with the profile's figures (zeros and NULL for a
-- member the nightly profiles have not seen yet) and the live tags (empty for none). One JOIN per
-- SELECT, as ClickHouse 18.16 requires. {where} is a condition of the segment; the exporter reads
-- pages in member order (after {after}), so a page boundary never splits or repeats a member.
SELECT
    member_id,
    total_spend,
    order_count,
    last_order_date,
    r_score,
    f_score,
    m_score,
    arrayStringConcat(tags, ' ') AS tag_list
FROM
(
    SELECT member_id, total_spend, order_count, last_order_date, r_score, f_score, m_score
    FROM
    (
        SELECT member_id
        FROM
        (
            SELECT member_id FROM member_profile FINAL
            UNION ALL
            SELECT member_id FROM member_tag FINAL WHERE active = 1
        )
        GROUP BY member_id
    )
    ANY LEFT JOIN
    (
        SELECT member_id, total_spend, order_count, last_order_date, r_score, f_score, m_score
        FROM member_profile FINAL
    ) USING member_id
)
ANY LEFT JOIN
(
    SELECT member_id, tags FROM member_tags
) USING member_id
WHERE member_id > {after} AND ({where})
