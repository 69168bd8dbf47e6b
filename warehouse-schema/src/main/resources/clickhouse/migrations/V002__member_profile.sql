-- Nightly member profiles from the Spark job member-profiles. A run replaces each member's row;
-- `version` is the run's start time in milliseconds, so the newest run wins.
CREATE TABLE IF NOT EXISTS member_profile
(
    member_id       Int64,
    order_count     Int64,
    total_spend     Decimal(18, 2),
    last_order_date Nullable(Date),
    version         UInt64,
    computed_at     DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY member_id;
