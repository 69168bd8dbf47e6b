-- Per coupon template, channel and business day, written by marketing-roi: coupons issued (channel
-- 'any', on the chain's day), paid orders that redeemed one with the discount they cost and their
-- net sales (attributed to the template: the order's whole net, on its store's business day),
-- coupons released by orders cancelled before payment. Read with FINAL.
CREATE TABLE IF NOT EXISTS coupon_roi
(
    template_id          Int64,
    channel              String,
    local_date           Date,
    issued               Int64,
    redeemed             Int64,
    released             Int64,
    discount_cost        Decimal(18, 2),
    attributed_net_sales Decimal(18, 2),
    version              UInt64,
    updated_at           DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(local_date)
ORDER BY (template_id, channel, local_date);

CREATE TABLE IF NOT EXISTS campaign_dim
(
    campaign_id Int64,
    code        String,
    name        String,
    starts_at   DateTime('UTC'),
    ends_at     DateTime('UTC'),
    version     UInt64,
    deleted     UInt8,
    updated_at  DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY campaign_id;

CREATE TABLE IF NOT EXISTS coupon_template_dim
(
    template_id   Int64,
    campaign_id   Int64,
    code          String,
    name          String,
    discount_type String,
    amount_off    Nullable(Decimal(18, 2)),
    percent_off   Nullable(Decimal(5, 2)),
    channel_scope String,
    valid_from    DateTime('UTC'),
    valid_to      DateTime('UTC'),
    version       UInt64,
    deleted       UInt8,
    updated_at    DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY template_id;

-- The hook for a campaign's other costs (referral commissions, media): one row per campaign, day
-- and kind of cost; the ROI views subtract them too. Nothing writes it yet.
CREATE TABLE IF NOT EXISTS campaign_other_cost
(
    campaign_id Int64,
    local_date  Date,
    kind        String,
    amount      Decimal(18, 2),
    version     UInt64,
    updated_at  DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (campaign_id, local_date, kind);

-- Per campaign, template, channel and business day, with the day's ROI: (attributed net sales -
-- discount cost) / discount cost. Redemption rates and ROI over longer periods: sum the rows first
-- (campaign_roi does, per campaign).
CREATE VIEW IF NOT EXISTS marketing_roi AS
SELECT campaign_id, campaign_code, template_id, template_code, channel, local_date,
       issued, redeemed, released, discount_cost, attributed_net_sales,
       if(discount_cost = 0, NULL,
          (toFloat64(attributed_net_sales) - toFloat64(discount_cost)) / toFloat64(discount_cost)) AS roi
FROM
(
    SELECT template_id, channel, local_date, issued, redeemed, released, discount_cost, attributed_net_sales
    FROM coupon_roi FINAL
)
ANY LEFT JOIN
(
    SELECT template_id, campaign_id, template_code, campaign_code
    FROM
    (
        SELECT template_id, campaign_id, code AS template_code FROM coupon_template_dim FINAL WHERE deleted = 0
    )
    ANY LEFT JOIN
    (
        SELECT campaign_id, code AS campaign_code FROM campaign_dim FINAL WHERE deleted = 0
    ) USING (campaign_id)
) USING (template_id);

-- Per campaign over its whole life: issued, redeemed, redemption rate, costs (discounts and other
-- costs), attributed net sales, ROI = (attributed net sales - costs) / costs.
CREATE VIEW IF NOT EXISTS campaign_roi AS
SELECT campaign_id, campaign_code, issued, redeemed, released,
       if(issued = 0, NULL, redeemed / issued) AS redemption_rate,
       discount_cost, other_cost, attributed_net_sales,
       if(discount_cost + other_cost = 0, NULL,
          (toFloat64(attributed_net_sales) - toFloat64(discount_cost) - toFloat64(other_cost))
              / (toFloat64(discount_cost) + toFloat64(other_cost))) AS roi
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
    SELECT campaign_id, sum(amount) AS other_cost FROM campaign_other_cost FINAL GROUP BY campaign_id
) USING (campaign_id);
