-- Each location's stock of a SKU now, from stock-transfer-suggestions: on hand, reserved and in
-- transit to it (as the stock row says), its sales velocity (exponentially weighted units per day)
-- and reorder point. `version` is the newest source LSN of the row's stock and sales. Read with FINAL.
CREATE TABLE IF NOT EXISTS stock_level
(
    sku_id           Int64,
    location_id      Int64,
    on_hand          Int64,
    reserved         Int64,
    in_transit       Int64,
    velocity_per_day Decimal(12, 3),
    reorder_point    Int64,
    version          UInt64,
    updated_at       DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (sku_id, location_id);

-- The suggested transfers as the transactional service holds them (copied through CDC): what the
-- job suggested and why, and what HQ decided (status open, accepted, rejected, shipped).
CREATE TABLE IF NOT EXISTS transfer_suggestion
(
    suggestion_id    String,
    sku_id           Int64,
    from_location_id Int64,
    to_location_id   Int64,
    quantity         Int64,
    reorder_point    Int64,
    position         Int64,
    velocity_per_day Decimal(12, 3),
    days_of_cover    Nullable(Decimal(12, 1)),
    reason           String,
    based_on_lsn     Int64,
    suggested_at     DateTime('UTC'),
    status           String,
    transfer_id      Nullable(Int64),
    decided_at       Nullable(DateTime('UTC')),
    version          UInt64,
    deleted          UInt8,
    updated_at       DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY suggestion_id;

-- Stock and cover per SKU and location with names: what runs short where, e.g. the stores under
-- their reorder point: SELECT * FROM stock_cover WHERE position < reorder_point ORDER BY days_of_cover
CREATE VIEW IF NOT EXISTS stock_cover AS
SELECT sku_id, location_id, location_code, location_name, location_kind, sku_code, sku_name,
       on_hand, reserved, in_transit, on_hand - reserved + in_transit AS position,
       velocity_per_day, reorder_point,
       if(velocity_per_day > 0, round(toFloat64(on_hand - reserved + in_transit) / toFloat64(velocity_per_day), 1), NULL) AS days_of_cover
FROM
(
    SELECT sku_id, location_id, on_hand, reserved, in_transit, velocity_per_day, reorder_point,
           location_code, location_name, location_kind
    FROM
    (
        SELECT sku_id, location_id, on_hand, reserved, in_transit, velocity_per_day, reorder_point
        FROM stock_level FINAL
    )
    ANY LEFT JOIN
    (
        SELECT store_id AS location_id, code AS location_code, name AS location_name, kind AS location_kind
        FROM store_dim FINAL
        WHERE deleted = 0
    ) USING (location_id)
)
ANY LEFT JOIN
(
    SELECT sku_id, code AS sku_code, name AS sku_name FROM sku_dim FINAL WHERE deleted = 0
) USING (sku_id);

-- The suggestions waiting for HQ's decision.
CREATE VIEW IF NOT EXISTS open_transfer_suggestions AS
SELECT suggestion_id, sku_id, from_location_id, to_location_id, quantity, reorder_point, position,
       velocity_per_day, days_of_cover, reason, suggested_at
FROM transfer_suggestion FINAL
WHERE deleted = 0 AND status = 'open';
