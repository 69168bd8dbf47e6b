-- RFM, lifetime value and preferences for segments, from member-profiles: days since the last
-- paid order (as of the run's UTC date); the recency, frequency and monetary scores, 1 to 5 (5
-- best) by quintile among the members who bought, 0 for members who never did; the expected net
-- spend of the next 52 weeks (BG/NBD + Gamma-Gamma, fitted in the run; NULL without purchases or
-- a fit); the store and category with the most net spend; the shares of net spend per channel;
-- the share of gross order value given as discounts (NULL for members without paid orders); the
-- probability of redeeming a coupon, from a model trained in the run (NULL without one).
ALTER TABLE member_profile
    ADD COLUMN recency_days Nullable(Int32) AFTER last_order_date,
    ADD COLUMN r_score UInt8 AFTER recency_days,
    ADD COLUMN f_score UInt8 AFTER r_score,
    ADD COLUMN m_score UInt8 AFTER f_score,
    ADD COLUMN clv Nullable(Decimal(18, 2)) AFTER m_score,
    ADD COLUMN preferred_store_id Nullable(Int64) AFTER clv,
    ADD COLUMN preferred_category Nullable(String) AFTER preferred_store_id,
    ADD COLUMN online_share Nullable(Decimal(9, 4)) AFTER preferred_category,
    ADD COLUMN pos_share Nullable(Decimal(9, 4)) AFTER online_share,
    ADD COLUMN pickup_share Nullable(Decimal(9, 4)) AFTER pos_share,
    ADD COLUMN discount_share Nullable(Decimal(9, 4)) AFTER pickup_share,
    ADD COLUMN coupon_propensity Nullable(Decimal(9, 4)) AFTER discount_share;

-- One row per member-profiles run: what it wrote and its models (JSON: the fitted lifetime-value
-- parameters; the propensity model's features, test AUC and where its files are), so a profile's
-- figures can be traced to the models that made them (join on version).
CREATE TABLE IF NOT EXISTS member_profile_run
(
    version     UInt64,
    computed_at DateTime('UTC'),
    members     UInt64,
    models      String
)
ENGINE = ReplacingMergeTree(version)
ORDER BY version;
