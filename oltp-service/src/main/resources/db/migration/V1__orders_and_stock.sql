-- Locations: stores sell, warehouses hold stock. Coordinates find the nearest store.
CREATE TABLE locations (
    id            bigserial PRIMARY KEY,
    code          text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('store', 'warehouse')),
    latitude      numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude     numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    opening_hours text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- One catalog for online and in-store: products of three kinds, each sold as one or more SKUs.
CREATE TABLE products (
    id         bigserial PRIMARY KEY,
    code       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('goods', 'service', 'part')),
    category   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_category_idx ON products (category);

-- price is the base price; sku_store_prices overrides it at single stores.
CREATE TABLE skus (
    id         bigserial PRIMARY KEY,
    product_id bigint         NOT NULL REFERENCES products (id),
    code       text           NOT NULL UNIQUE,
    name       text           NOT NULL,
    barcode    text UNIQUE,
    price      numeric(18, 2) NOT NULL CHECK (price >= 0),
    created_at timestamptz    NOT NULL DEFAULT now(),
    updated_at timestamptz    NOT NULL DEFAULT now()
);

CREATE TABLE sku_store_prices (
    sku_id     bigint         NOT NULL REFERENCES skus (id),
    store_id   bigint         NOT NULL REFERENCES locations (id),
    price      numeric(18, 2) NOT NULL CHECK (price >= 0),
    updated_at timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (sku_id, store_id)
);

-- Available = on_hand - reserved. The checks make overselling impossible whatever the caller does.
CREATE TABLE stock (
    sku_id      bigint      NOT NULL REFERENCES skus (id),
    location_id bigint      NOT NULL REFERENCES locations (id),
    on_hand     integer     NOT NULL CHECK (on_hand >= 0),
    reserved    integer     NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sku_id, location_id),
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved <= on_hand)
);

CREATE TABLE members (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL,
    phone      text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- total_amount and total_units are fixed when the order is created, so analytics need not join lines.
CREATE TABLE orders (
    id           bigserial PRIMARY KEY,
    store_id     bigint         NOT NULL REFERENCES locations (id),
    channel      text           NOT NULL CHECK (channel IN ('online', 'pos', 'pickup')),
    member_id    bigint REFERENCES members (id),
    status       text           NOT NULL CHECK (status IN ('created', 'paid', 'cancelled')),
    total_amount numeric(18, 2) NOT NULL CHECK (total_amount >= 0),
    total_units  integer        NOT NULL CHECK (total_units > 0),
    created_at   timestamptz    NOT NULL DEFAULT now(),
    paid_at      timestamptz,
    cancelled_at timestamptz,
    updated_at   timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX orders_store_paid_idx ON orders (store_id, paid_at);
CREATE INDEX orders_member_idx ON orders (member_id);

CREATE TABLE order_lines (
    order_id    bigint         NOT NULL REFERENCES orders (id),
    line_no     integer        NOT NULL,
    sku_id      bigint         NOT NULL REFERENCES skus (id),
    quantity    integer        NOT NULL CHECK (quantity > 0),
    unit_price  numeric(18, 2) NOT NULL CHECK (unit_price >= 0),
    line_amount numeric(18, 2) NOT NULL CHECK (line_amount >= 0),
    PRIMARY KEY (order_id, line_no)
);

-- The first response to each Idempotency-Key, returned again to every retry.
CREATE TABLE idempotency_keys (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);

-- CDC consumers (Flink SQL's debezium-json among them) need the old row on updates and deletes.
ALTER TABLE locations REPLICA IDENTITY FULL;
ALTER TABLE products REPLICA IDENTITY FULL;
ALTER TABLE skus REPLICA IDENTITY FULL;
ALTER TABLE sku_store_prices REPLICA IDENTITY FULL;
ALTER TABLE stock REPLICA IDENTITY FULL;
ALTER TABLE members REPLICA IDENTITY FULL;
ALTER TABLE orders REPLICA IDENTITY FULL;
ALTER TABLE order_lines REPLICA IDENTITY FULL;
