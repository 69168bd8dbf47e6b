-- RFM for segments, from member-profiles: days since the last paid order (as of the run's UTC
-- date) and the recency, frequency and monetary scores, 1 to 5 (5 best) by quintile among the
-- members who bought; 0 for members who never did.
ALTER TABLE member_profile
    ADD COLUMN recency_days Nullable(Int32) AFTER last_order_date,
    ADD COLUMN r_score UInt8 AFTER recency_days,
    ADD COLUMN f_score UInt8 AFTER r_score,
    ADD COLUMN m_score UInt8 AFTER f_score;
