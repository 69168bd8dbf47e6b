-- Repair work orders (T12): a technician opens one at the customer's site for the technician's
-- store, adds parts (SKUs of products of kind part, reserved from the store's stock) and labour;
-- the customer confirms one version of the quote with a one-time code, pays it by the chain's
-- payment rules, and on completion the parts leave stock. open -> confirmed -> paid -> completed;
-- open or confirmed -> cancelled (a paid one is completed, not cancelled).
-- quote_version grows with every change of the lines; confirmed_version is the version the
-- customer confirmed: a confirmed or paid order must be at the version confirmed.
CREATE TABLE work_orders (
    id                bigserial PRIMARY KEY,
    store_id          bigint         NOT NULL,
    technician_id     bigint         NOT NULL,
    member_id         bigint REFERENCES members (id),
    description       text,
    status            text           NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'confirmed', 'paid', 'completed', 'cancelled')),
    quote_version     integer        NOT NULL DEFAULT 1 CHECK (quote_version > 0),
    confirmed_version integer,
    parts_amount      numeric(18, 2) NOT NULL DEFAULT 0 CHECK (parts_amount >= 0),
    labour_amount     numeric(18, 2) NOT NULL DEFAULT 0 CHECK (labour_amount >= 0),
    total_amount      numeric(18, 2) NOT NULL DEFAULT 0,
    created_at        timestamptz    NOT NULL DEFAULT now(),
    confirmed_at      timestamptz,
    paid_at           timestamptz,
    completed_at      timestamptz,
    cancelled_at      timestamptz,
    updated_at        timestamptz    NOT NULL DEFAULT now(),
    -- the technician works at the store the order belongs to
    CONSTRAINT work_orders_technician_store_fkey FOREIGN KEY (technician_id, store_id)
        REFERENCES technicians (id, store_id),
    CONSTRAINT work_orders_total_is_sum CHECK (total_amount = parts_amount + labour_amount),
    CONSTRAINT work_orders_confirmed_version
        CHECK (confirmed_version IS NULL OR confirmed_version BETWEEN 1 AND quote_version),
    CONSTRAINT work_orders_quote_confirmed
        CHECK (status NOT IN ('confirmed', 'paid', 'completed') OR confirmed_version = quote_version)
);
CREATE INDEX work_orders_store_idx ON work_orders (store_id, id);

-- A line is a part (a SKU, how many, the store's price when it was added) or labour (a fixed
-- amount, or hours at a rate: the amount is hours x rate to the cent).
CREATE TABLE work_order_lines (
    work_order_id bigint         NOT NULL REFERENCES work_orders (id),
    line_no       integer        NOT NULL CHECK (line_no > 0),
    kind          text           NOT NULL CHECK (kind IN ('part', 'labour')),
    sku_id        bigint REFERENCES skus (id),
    quantity      integer CHECK (quantity > 0),
    unit_price    numeric(18, 2) CHECK (unit_price >= 0),
    description   text,
    hours         numeric(6, 2) CHECK (hours > 0),
    rate          numeric(18, 2) CHECK (rate >= 0),
    line_amount   numeric(18, 2) NOT NULL CHECK (line_amount >= 0),
    added_in_version integer     NOT NULL CHECK (added_in_version > 0),
    created_at    timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (work_order_id, line_no),
    -- a part once per order (its quantity is its reservation)
    CONSTRAINT work_order_lines_one_line_per_part UNIQUE (work_order_id, sku_id),
    CONSTRAINT work_order_lines_part_shape CHECK (kind <> 'part' OR (
        sku_id IS NOT NULL AND quantity IS NOT NULL AND unit_price IS NOT NULL
        AND line_amount = unit_price * quantity
        AND description IS NULL AND hours IS NULL AND rate IS NULL)),
    CONSTRAINT work_order_lines_labour_shape CHECK (kind <> 'labour' OR (
        sku_id IS NULL AND quantity IS NULL AND unit_price IS NULL AND description IS NOT NULL
        AND (hours IS NULL) = (rate IS NULL)
        AND (hours IS NULL OR abs(line_amount - hours * rate) <= 0.005)))
);

-- Only SKUs of products of kind part are parts (the service says so first, naming the field).
CREATE FUNCTION work_order_part_is_part() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.kind = 'part' AND NOT EXISTS (
        SELECT 1 FROM skus k JOIN products p ON p.id = k.product_id
        WHERE k.id = NEW.sku_id AND p.kind = 'part') THEN
        RAISE EXCEPTION 'SKU % is not a part', NEW.sku_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER work_order_part_is_part
    BEFORE INSERT OR UPDATE ON work_order_lines
    FOR EACH ROW
EXECUTE FUNCTION work_order_part_is_part();

-- One-time confirmation codes: only a SHA-256 of (work order, version, code) is kept. A code
-- confirms the version it was issued for, until it expires, once, within max tries.
CREATE TABLE work_order_codes (
    id            bigserial PRIMARY KEY,
    work_order_id bigint      NOT NULL REFERENCES work_orders (id),
    quote_version integer     NOT NULL CHECK (quote_version > 0),
    code_hash     text        NOT NULL,
    expires_at    timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
    used_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_order_codes_order_idx ON work_order_codes (work_order_id, id);

-- How a work order was paid: the same tenders and rules as order_payments.
CREATE TABLE work_order_payments (
    work_order_id bigint         NOT NULL REFERENCES work_orders (id),
    seq           integer        NOT NULL,
    method        text           NOT NULL CHECK (method IN ('cash', 'card', 'mobile', 'online')),
    amount        numeric(18, 2) NOT NULL CHECK (amount > 0),
    tendered      numeric(18, 2),
    change        numeric(18, 2) NOT NULL DEFAULT 0 CHECK (change >= 0),
    reference     text,
    created_at    timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (work_order_id, seq),
    CONSTRAINT work_order_payments_cash_change
        CHECK (tendered IS NULL OR (method = 'cash' AND tendered = amount + change))
);

ALTER TABLE work_orders REPLICA IDENTITY FULL;
ALTER TABLE work_order_lines REPLICA IDENTITY FULL;
ALTER TABLE work_order_payments REPLICA IDENTITY FULL;
