-- Store KPIs on each store's business day. Replaces the UTC-day table of V001: rebuild it by
-- starting store-kpis afresh (it reads its topics from the beginning).
DROP TABLE IF EXISTS store_kpi_current;
DROP TABLE IF EXISTS store_kpi;

-- Per grain (minute: a UTC minute; hour and day: the store's local hour and business day), store
-- (0: no store, for members who joined online), channel and bucket. bucket_start/bucket_end are the
-- instants the bucket spans, local_date the store's business day, utc_offset the store's offset from
-- UTC at the bucket's start. Ratios (average order value, units per transaction, member share) are
-- divided out by the views. `version` is the highest source LSN among the changes counted: replays
-- and duplicate deliveries converge to the same row. Read with FINAL.
CREATE TABLE IF NOT EXISTS store_kpi
(
    grain             String,
    store_id          Int64,
    channel           String,
    bucket_start      DateTime('UTC'),
    bucket_end        DateTime('UTC'),
    local_date        Date,
    utc_offset        Int32,
    gross_sales       Decimal(18, 2),
    member_discount   Decimal(18, 2),
    coupon_discount   Decimal(18, 2),
    points_discount   Decimal(18, 2),
    refunds           Decimal(18, 2),
    net_sales         Decimal(18, 2),
    paid_orders       Int64,
    units             Int64,
    member_orders     Int64,
    member_net_sales  Decimal(18, 2),
    new_members       Int64,
    goods_net_sales   Decimal(18, 2),
    goods_units       Int64,
    service_net_sales Decimal(18, 2),
    service_units     Int64,
    part_net_sales    Decimal(18, 2),
    part_units        Int64,
    version           UInt64,
    updated_at        DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket_start)
ORDER BY (grain, store_id, channel, bucket_start);

-- Net sales and units per store, SKU and business day (product ranking). Read with FINAL.
CREATE TABLE IF NOT EXISTS sku_sales
(
    store_id   Int64,
    sku_id     Int64,
    local_date Date,
    net_sales  Decimal(18, 2),
    units      Int64,
    version    UInt64,
    updated_at DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(local_date)
ORDER BY (store_id, sku_id, local_date);

-- Copies of transactional tables as they are now (version: the LSN of the row's last change;
-- deleted: the row is gone). Read with FINAL and deleted = 0.
CREATE TABLE IF NOT EXISTS store_dim
(
    store_id   Int64,
    code       String,
    name       String,
    kind       String,
    time_zone  String,
    latitude   Nullable(Decimal(9, 6)),
    longitude  Nullable(Decimal(9, 6)),
    version    UInt64,
    deleted    UInt8,
    updated_at DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY store_id;

CREATE TABLE IF NOT EXISTS product_dim
(
    product_id Int64,
    code       String,
    name       String,
    kind       String,
    category   String,
    version    UInt64,
    deleted    UInt8,
    updated_at DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY product_id;

CREATE TABLE IF NOT EXISTS sku_dim
(
    sku_id     Int64,
    product_id Int64,
    code       String,
    name       String,
    barcode    Nullable(String),
    price      Decimal(18, 2),
    version    UInt64,
    deleted    UInt8,
    updated_at DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY sku_id;

-- HQ's KPI targets per store and period ('day', or 'month' starting on its first day).
CREATE TABLE IF NOT EXISTS kpi_target
(
    store_id     Int64,
    period_type  String,
    period_start Date,
    net_sales    Decimal(18, 2),
    orders       Int64,
    new_members  Int64,
    version      UInt64,
    deleted      UInt8,
    updated_at   DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (store_id, period_type, period_start);
