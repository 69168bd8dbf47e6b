-- The full lifecycle: created -> paid -> fulfilled (online, POS) or picked_up (click-and-collect)
-- -> completed; cancelled before fulfilment; returned once every unit came back.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders
    ADD CONSTRAINT orders_status_check
        CHECK (status IN ('created', 'paid', 'fulfilled', 'picked_up', 'completed', 'cancelled', 'returned')),
    ADD COLUMN fulfilled_at      timestamptz,
    ADD COLUMN completed_at      timestamptz,
    ADD COLUMN pickup_expires_at timestamptz,
    ADD COLUMN refunded_amount   numeric(18, 2) NOT NULL DEFAULT 0,
    ADD COLUMN returned_units    integer        NOT NULL DEFAULT 0,
    ADD CONSTRAINT orders_refund_within_total CHECK (refunded_amount BETWEEN 0 AND total_amount),
    ADD CONSTRAINT orders_returns_within_units CHECK (returned_units BETWEEN 0 AND total_units);
CREATE INDEX orders_pickup_expiry_idx ON orders (pickup_expires_at) WHERE status IN ('created', 'paid');

ALTER TABLE order_lines
    ADD COLUMN returned_quantity integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT order_lines_returns_within_quantity CHECK (returned_quantity BETWEEN 0 AND quantity);

-- A return (full or partial) after fulfilment: stock comes back at the returning store.
CREATE TABLE order_returns (
    id            bigserial PRIMARY KEY,
    order_id      bigint         NOT NULL REFERENCES orders (id),
    store_id      bigint         NOT NULL REFERENCES locations (id),
    refund_amount numeric(18, 2) NOT NULL CHECK (refund_amount >= 0),
    created_at    timestamptz    NOT NULL DEFAULT now()
);

CREATE TABLE order_return_lines (
    return_id     bigint         NOT NULL REFERENCES order_returns (id),
    line_no       integer        NOT NULL,
    quantity      integer        NOT NULL CHECK (quantity > 0),
    refund_amount numeric(18, 2) NOT NULL CHECK (refund_amount >= 0),
    PRIMARY KEY (return_id, line_no)
);

-- What counts as sold, net of refunds: the definition reconciliation and batch jobs read.
CREATE VIEW sales_orders AS
SELECT id, store_id, channel, member_id, paid_at,
       total_amount - refunded_amount AS net_amount,
       total_units - returned_units   AS net_units
FROM orders
WHERE status IN ('paid', 'fulfilled', 'picked_up', 'completed');

ALTER TABLE order_returns REPLICA IDENTITY FULL;
ALTER TABLE order_return_lines REPLICA IDENTITY FULL;
