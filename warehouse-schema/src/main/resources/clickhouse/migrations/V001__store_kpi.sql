-- Store KPIs per grain ('minute' or 'day'), store, channel and bucket, written by the Flink job
-- store-kpis. Each write replaces the whole row for its key; `version` strictly increases per key
-- (the count of changes the job applied to that key), so replays and duplicate deliveries
-- converge to the same row. Read with FINAL (or argMax by version).
CREATE TABLE IF NOT EXISTS store_kpi
(
    grain        String,
    store_id     Int64,
    channel      String,
    bucket_start DateTime('UTC'),
    net_sales    Decimal(18, 2),
    paid_orders  Int64,
    units        Int64,
    version      UInt64,
    updated_at   DateTime('UTC')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket_start)
ORDER BY (grain, store_id, channel, bucket_start);
