-- Live member tags from member-tags: one row per member and tag, holding (active = 1) since when,
-- by which rule and why, or no longer holding (active = 0). `version` is the event time (epoch
-- milliseconds) the rules were evaluated at. Read with FINAL.
CREATE TABLE IF NOT EXISTS member_tag
(
    member_id  Int64,
    tag        String,
    active     UInt8,
    since      DateTime('UTC'),
    rule       String,
    reason     String,
    version    UInt64,
    updated_at DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (member_id, tag);

-- How far the tags are: the job's watermark per subtask. Every tag is current as of the smallest.
CREATE TABLE IF NOT EXISTS member_tag_clock
(
    subtask    UInt32,
    as_of_ms   UInt64,
    version    UInt64,
    updated_at DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY subtask;

-- Each member with the tags that hold, for segment queries in one line, e.g. lapsing but not
-- online-only: SELECT member_id FROM member_tags WHERE has(tags, 'lapsing') AND NOT has(tags, 'online-only')
CREATE VIEW IF NOT EXISTS member_tags AS
SELECT member_id, groupArray(tag) AS tags
FROM member_tag FINAL
WHERE active = 1
GROUP BY member_id;

-- How many members hold each tag now.
CREATE VIEW IF NOT EXISTS member_tag_counts AS
SELECT tag, count() AS members
FROM member_tag FINAL
WHERE active = 1
GROUP BY tag;
