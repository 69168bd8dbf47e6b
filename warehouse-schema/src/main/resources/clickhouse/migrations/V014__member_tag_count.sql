-- Members per tag counted live rows of member_tag with FINAL: a row per member and tag, holding or
-- not (10 M keys at 1 M members, over 1.5 s). member-tags now keeps each tag's count itself and
-- writes it as of each event-time second in which it changed (`version`, epoch milliseconds), so
-- the view reads a few rows. member-tags restored from a savepoint taken before this version has
-- no counts: start it afresh (it reads its topics from the beginning), as store-kpis after V011.
CREATE TABLE IF NOT EXISTS member_tag_count
(
    tag        String,
    members    Int64,
    version    UInt64,
    updated_at DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY tag;

DROP TABLE IF EXISTS member_tag_counts;

-- How many members hold each tag now (as of the second before member_tag_clock's smallest).
CREATE VIEW IF NOT EXISTS member_tag_counts AS
SELECT tag, toUInt64(members) AS members
FROM member_tag_count FINAL
WHERE members > 0;
