-- T13 suppliers (S2B2C): a supplier sells its own SKUs through the chain, keeps their stock at
-- its own locations and fulfils the order lines of them; the chain owes it cost x quantity.

-- A SKU of a supplier (NULL: the chain's own) and what the chain pays the supplier per unit.
-- The retail price stays skus.price (the supplier proposes it, HQ may override per store).
ALTER TABLE skus
    ADD COLUMN supplier_id bigint REFERENCES suppliers (id),
    ADD COLUMN cost_price  numeric(18, 2),
    ADD CONSTRAINT skus_cost_price_check CHECK (cost_price >= 0),
    ADD CONSTRAINT skus_supplier_has_cost CHECK (supplier_id IS NULL OR cost_price IS NOT NULL);
CREATE INDEX skus_supplier_idx ON skus (supplier_id) WHERE supplier_id IS NOT NULL;

-- A supplier's own warehouse: a location of kind 'supplier', bound to exactly that supplier.
ALTER TABLE locations DROP CONSTRAINT locations_kind_check;
ALTER TABLE locations
    ADD CONSTRAINT locations_kind_check CHECK (kind IN ('store', 'warehouse', 'supplier')),
    ADD COLUMN supplier_id bigint REFERENCES suppliers (id),
    ADD CONSTRAINT locations_supplier_bound CHECK ((kind = 'supplier') = (supplier_id IS NOT NULL));

-- Only a supplier's own SKUs are ever stocked at its locations (a chain SKU cannot appear in a
-- supplier's warehouse, nor one supplier's SKU in another's). Checked when a stock row is created:
-- a row's SKU and location never change afterwards.
CREATE FUNCTION refuse_foreign_stock_at_supplier() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    location_supplier bigint;
    sku_supplier      bigint;
BEGIN
    SELECT supplier_id INTO location_supplier FROM locations WHERE id = NEW.location_id;
    IF location_supplier IS NOT NULL THEN
        SELECT supplier_id INTO sku_supplier FROM skus WHERE id = NEW.sku_id;
        IF sku_supplier IS DISTINCT FROM location_supplier THEN
            RAISE EXCEPTION 'SKU % is not stocked at location % of supplier %',
                NEW.sku_id, NEW.location_id, location_supplier;
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER stock_at_supplier_is_its_own
    BEFORE INSERT ON stock
    FOR EACH ROW
EXECUTE FUNCTION refuse_foreign_stock_at_supplier();

-- The parts of an online or click-and-collect order that has supplier lines: one part per
-- supplier (reserved and shipped from that supplier's location) and, for online orders with chain
-- lines, one for the store (supplier_id NULL). Online parts go to the consumer, click-and-collect
-- parts to the order's store, where the units arrive reserved for the order (a receipt).
CREATE TABLE order_fulfilments (
    id          bigserial PRIMARY KEY,
    order_id    bigint      NOT NULL REFERENCES orders (id),
    supplier_id bigint REFERENCES suppliers (id),
    location_id bigint      NOT NULL REFERENCES locations (id),
    ship_to     text        NOT NULL CHECK (ship_to IN ('consumer', 'store')),
    status      text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'shipped', 'cancelled')),
    receipt_id  bigint REFERENCES stock_documents (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    shipped_at  timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_fulfilments_shipped_at CHECK ((status = 'shipped') = (shipped_at IS NOT NULL)),
    -- a part shipped to a store arrives there through a receipt; one shipped to the consumer does not
    CONSTRAINT order_fulfilments_receipt CHECK (
        receipt_id IS NULL OR (ship_to = 'store' AND status <> 'open')),
    CONSTRAINT order_fulfilments_id_order_key UNIQUE (id, order_id)
);
-- One part per supplier (and one chain part) of an order.
CREATE UNIQUE INDEX order_fulfilments_supplier_once ON order_fulfilments (order_id, supplier_id)
    WHERE supplier_id IS NOT NULL;
CREATE UNIQUE INDEX order_fulfilments_chain_once ON order_fulfilments (order_id)
    WHERE supplier_id IS NULL;
CREATE INDEX order_fulfilments_supplier_idx ON order_fulfilments (supplier_id, status, id);

-- The part each line belongs to (NULL for orders without supplier lines); a line cannot name a
-- part of another order.
ALTER TABLE order_lines
    ADD COLUMN fulfilment_id bigint,
    ADD CONSTRAINT order_lines_fulfilment_fkey FOREIGN KEY (fulfilment_id, order_id)
        REFERENCES order_fulfilments (id, order_id);

-- What the chain owes each supplier: cost x quantity per shipped line, a negative row per return
-- of such a line. Append-only.
CREATE TABLE supplier_ledger (
    id            bigserial PRIMARY KEY,
    supplier_id   bigint         NOT NULL REFERENCES suppliers (id),
    kind          text           NOT NULL CHECK (kind IN ('shipped', 'returned')),
    fulfilment_id bigint         NOT NULL REFERENCES order_fulfilments (id),
    order_id      bigint         NOT NULL,
    line_no       integer        NOT NULL,
    return_id     bigint REFERENCES order_returns (id),
    sku_id        bigint         NOT NULL REFERENCES skus (id),
    quantity      integer        NOT NULL CHECK (quantity > 0),
    unit_cost     numeric(18, 2) NOT NULL CHECK (unit_cost >= 0),
    amount        numeric(18, 2) NOT NULL,
    created_at    timestamptz    NOT NULL DEFAULT now(),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no),
    CONSTRAINT supplier_ledger_amount CHECK (
        amount = CASE WHEN kind = 'shipped' THEN 1 ELSE -1 END * unit_cost * quantity),
    CONSTRAINT supplier_ledger_return_named CHECK ((kind = 'returned') = (return_id IS NOT NULL))
);
-- A line is owed once, when it ships.
CREATE UNIQUE INDEX supplier_ledger_shipped_once ON supplier_ledger (order_id, line_no)
    WHERE kind = 'shipped';
CREATE INDEX supplier_ledger_supplier_idx ON supplier_ledger (supplier_id, id);

CREATE FUNCTION refuse_supplier_ledger_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'supplier_ledger is append-only';
END
$$;

CREATE TRIGGER supplier_ledger_append_only
    BEFORE UPDATE OR DELETE ON supplier_ledger
    FOR EACH ROW
EXECUTE FUNCTION refuse_supplier_ledger_rewrite();

ALTER TABLE suppliers REPLICA IDENTITY FULL;
ALTER TABLE order_fulfilments REPLICA IDENTITY FULL;
ALTER TABLE supplier_ledger REPLICA IDENTITY FULL;
