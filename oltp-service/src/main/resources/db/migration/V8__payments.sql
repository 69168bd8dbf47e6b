-- How an order was paid: one or more tenders that add up to its total. Cash may be tendered
-- above its amount; the difference is the change given.
CREATE TABLE order_payments (
    order_id   bigint         NOT NULL REFERENCES orders (id),
    seq        integer        NOT NULL,
    method     text           NOT NULL CHECK (method IN ('cash', 'card', 'mobile', 'online')),
    amount     numeric(18, 2) NOT NULL CHECK (amount > 0),
    tendered   numeric(18, 2),
    change     numeric(18, 2) NOT NULL DEFAULT 0 CHECK (change >= 0),
    reference  text,
    created_at timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, seq),
    CHECK (tendered IS NULL OR (method = 'cash' AND tendered = amount + change))
);

ALTER TABLE order_payments REPLICA IDENTITY FULL;
