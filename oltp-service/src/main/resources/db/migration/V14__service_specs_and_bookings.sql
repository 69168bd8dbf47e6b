-- T10 service items: each priced combination of a service (area tier x duration x service type)
-- is a SKU of the service product, so skus.price and sku_store_prices keep resolving in one place.
-- service_specs says which combination a SKU is. The composite keys below let the table itself
-- refuse a spec for a SKU of goods or parts: (sku, product) must be a SKU's, and (product,
-- 'service') must be a product's.
ALTER TABLE products
    ADD CONSTRAINT products_id_kind_key UNIQUE (id, kind);
ALTER TABLE skus
    ADD CONSTRAINT skus_id_product_key UNIQUE (id, product_id);

CREATE TABLE service_specs (
    sku_id           bigint      PRIMARY KEY,
    product_id       bigint      NOT NULL,
    product_kind     text        NOT NULL DEFAULT 'service' CHECK (product_kind = 'service'),
    area_tier        text        NOT NULL
        CHECK (area_tier IN ('any', 'up_to_60', '60_to_120', 'over_120')),
    duration_minutes integer     NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
    service_type     text        NOT NULL CHECK (length(service_type) BETWEEN 1 AND 50),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_specs_sku_fkey FOREIGN KEY (sku_id, product_id) REFERENCES skus (id, product_id),
    CONSTRAINT service_specs_product_fkey FOREIGN KEY (product_id, product_kind)
        REFERENCES products (id, kind),
    -- one SKU per combination of a service
    CONSTRAINT service_specs_combination_key UNIQUE (product_id, area_tier, duration_minutes, service_type),
    -- lets a booking name its SKU together with the duration it lasts
    CONSTRAINT service_specs_sku_duration_key UNIQUE (sku_id, duration_minutes)
);

-- T11 bookings. Which services a technician performs (service products only), and the weekly
-- working hours in the store's local time (locations.time_zone); several spans a day allowed.
CREATE TABLE technician_skills (
    technician_id bigint NOT NULL REFERENCES technicians (id),
    product_id    bigint NOT NULL,
    product_kind  text   NOT NULL DEFAULT 'service' CHECK (product_kind = 'service'),
    PRIMARY KEY (technician_id, product_id),
    CONSTRAINT technician_skills_product_fkey FOREIGN KEY (product_id, product_kind)
        REFERENCES products (id, kind)
);

CREATE TABLE technician_hours (
    technician_id bigint   NOT NULL REFERENCES technicians (id),
    weekday       smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = Monday
    starts_at     time     NOT NULL,
    ends_at       time     NOT NULL,
    CONSTRAINT technician_hours_span_check CHECK (starts_at < ends_at),
    PRIMARY KEY (technician_id, weekday, starts_at)
);

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A booked technician's time. The exclusion constraint is what makes a double booking impossible,
-- whatever races the service loses: two live bookings of one technician never overlap. A booking
-- lasts exactly its SKU's spec duration (the composite key and the check); the technician belongs
-- to the booking's store (the composite key onto technicians).
CREATE TABLE bookings (
    id               bigserial PRIMARY KEY,
    store_id         bigint      NOT NULL,
    technician_id    bigint      NOT NULL,
    sku_id           bigint      NOT NULL,
    duration_minutes integer     NOT NULL,
    member_id        bigint      NOT NULL REFERENCES members (id),
    order_id         bigint REFERENCES orders (id),
    order_line_no    integer,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    status           text        NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    cancelled_at     timestamptz,
    CONSTRAINT bookings_technician_store_fkey FOREIGN KEY (technician_id, store_id)
        REFERENCES technicians (id, store_id),
    CONSTRAINT bookings_sku_duration_fkey FOREIGN KEY (sku_id, duration_minutes)
        REFERENCES service_specs (sku_id, duration_minutes),
    CONSTRAINT bookings_order_line_fkey FOREIGN KEY (order_id, order_line_no)
        REFERENCES order_lines (order_id, line_no),
    CONSTRAINT bookings_order_line_check CHECK ((order_id IS NULL) = (order_line_no IS NULL)),
    CONSTRAINT bookings_length_check CHECK (ends_at = starts_at + make_interval(mins => duration_minutes)),
    CONSTRAINT bookings_cancelled_check CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist
        (technician_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'booked'),
    -- one live booking per order line: the appointment that line paid for
    CONSTRAINT bookings_order_line_live EXCLUDE USING gist
        (order_id WITH =, order_line_no WITH =) WHERE (status = 'booked' AND order_id IS NOT NULL)
);
CREATE INDEX bookings_store_start_idx ON bookings (store_id, starts_at);
CREATE INDEX bookings_order_idx ON bookings (order_id) WHERE order_id IS NOT NULL;

ALTER TABLE service_specs REPLICA IDENTITY FULL;
ALTER TABLE technician_skills REPLICA IDENTITY FULL;
ALTER TABLE technician_hours REPLICA IDENTITY FULL;
ALTER TABLE bookings REPLICA IDENTITY FULL;
