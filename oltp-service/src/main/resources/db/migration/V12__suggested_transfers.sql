-- Transfers the low-stock job suggests (it publishes them to Kafka; the service keeps one row per
-- suggestion id) and what HQ decided: open -> accepted (a draft transfer, transfer_id) -> shipped
-- (when that transfer ships), or open -> rejected. The status flows back to the job through CDC.
-- position: what the receiving store can sell without help (available + in transit) when the job
-- decided; based_on_lsn: the LSN of the change it decided on (a replayed job sends older ones).
CREATE TABLE suggested_transfers (
    id               uuid          PRIMARY KEY,
    sku_id           bigint        NOT NULL REFERENCES skus (id),
    from_location_id bigint        NOT NULL REFERENCES locations (id),
    to_location_id   bigint        NOT NULL REFERENCES locations (id),
    quantity         integer       NOT NULL CHECK (quantity > 0),
    reorder_point    integer       NOT NULL CHECK (reorder_point >= 0),
    position         integer       NOT NULL,
    velocity_per_day numeric(12,3) NOT NULL CHECK (velocity_per_day >= 0),
    days_of_cover    numeric(12,1),
    reason           text          NOT NULL,
    based_on_lsn     bigint        NOT NULL CHECK (based_on_lsn >= 0),
    suggested_at     timestamptz   NOT NULL,
    status           text          NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'accepted', 'rejected', 'shipped')),
    transfer_id      bigint        UNIQUE REFERENCES stock_documents (id),
    decided_at       timestamptz,
    decided_by       text,
    reject_reason    text,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT suggested_transfers_elsewhere CHECK (from_location_id <> to_location_id)
);

-- At most one live suggestion per SKU and receiving store.
CREATE UNIQUE INDEX suggested_transfers_live_idx
    ON suggested_transfers (sku_id, to_location_id) WHERE status IN ('open', 'accepted');
-- The rule "nothing at or above this LSN for the pair yet" and HQ's list, newest first.
CREATE INDEX suggested_transfers_pair_idx ON suggested_transfers (sku_id, to_location_id, based_on_lsn);
CREATE INDEX suggested_transfers_status_idx ON suggested_transfers (status, suggested_at);

ALTER TABLE suggested_transfers REPLICA IDENTITY FULL;
