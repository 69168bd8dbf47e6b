-- Referral commissions as the transactional service books them (copied by marketing-roi, version =
-- LSN of the row's last change): amount booked and the running sum of its reversals (returns,
-- refunds, clawbacks), so amount - reversed_amount is what it costs now.
CREATE TABLE IF NOT EXISTS referral_commission
(
    commission_id   Int64,
    order_id        Int64,
    line_no         Int64,
    level           Int64,
    member_id       Int64,
    rate_plan_id    Int64,
    amount          Decimal(18, 2),
    reversed_amount Decimal(18, 2),
    status          String,
    created_at      DateTime('UTC'),
    version         UInt64,
    deleted         UInt8,
    updated_at      DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY commission_id;

-- The rate plans: chain-wide (campaign_id NULL) or a campaign's.
CREATE TABLE IF NOT EXISTS referral_rate_plan_dim
(
    rate_plan_id   Int64,
    campaign_id    Nullable(Int64),
    level1_percent Decimal(5, 2),
    level2_percent Decimal(5, 2),
    level3_percent Decimal(5, 2),
    valid_from     DateTime('UTC'),
    valid_to       Nullable(DateTime('UTC')),
    version        UInt64,
    deleted        UInt8,
    updated_at     DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY rate_plan_id;

-- What referral commissions cost each campaign: those booked under the campaign's own rate plan
-- (which applies to orders that used one of its coupons), net of reversals. Commissions of the
-- chain-wide plan belong to no campaign.
CREATE VIEW IF NOT EXISTS campaign_referral_cost AS
SELECT plan_campaign AS campaign_id, sum(amount - reversed_amount) AS referral_cost
FROM
(
    SELECT rate_plan_id, amount, reversed_amount FROM referral_commission FINAL WHERE deleted = 0
)
ANY INNER JOIN
(
    SELECT rate_plan_id, assumeNotNull(campaign_id) AS plan_campaign
    FROM referral_rate_plan_dim FINAL
    WHERE deleted = 0 AND isNotNull(campaign_id)
) USING (rate_plan_id)
GROUP BY plan_campaign;

-- campaign_roi again, its other costs now with the referral commissions.
DROP TABLE IF EXISTS campaign_roi;

CREATE VIEW IF NOT EXISTS campaign_roi AS
SELECT campaign_id, campaign_code, issued, redeemed, released,
       if(issued = 0, NULL, redeemed / issued) AS redemption_rate,
       discount_cost, hook_cost + referral_cost AS other_cost, referral_cost, attributed_net_sales,
       if(discount_cost + hook_cost + referral_cost = 0, NULL,
          (toFloat64(attributed_net_sales) - toFloat64(discount_cost) - toFloat64(hook_cost)
              - toFloat64(referral_cost))
              / (toFloat64(discount_cost) + toFloat64(hook_cost) + toFloat64(referral_cost))) AS roi
FROM
(
    SELECT campaign_id, campaign_code, issued, redeemed, released, discount_cost, hook_cost,
           attributed_net_sales
    FROM
    (
        SELECT campaign_id, any(campaign_code) AS campaign_code, sum(issued) AS issued,
               sum(redeemed) AS redeemed, sum(released) AS released,
               sum(discount_cost) AS discount_cost, sum(attributed_net_sales) AS attributed_net_sales
        FROM marketing_roi
        GROUP BY campaign_id
    )
    ANY LEFT JOIN
    (
        SELECT campaign_id, sum(amount) AS hook_cost FROM campaign_other_cost FINAL GROUP BY campaign_id
    ) USING (campaign_id)
)
ANY LEFT JOIN campaign_referral_cost USING (campaign_id);
