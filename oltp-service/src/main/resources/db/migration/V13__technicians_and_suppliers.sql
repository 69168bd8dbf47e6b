-- The two new kinds of caller. Technicians work at one store (bookings, repairs on site);
-- suppliers sell through the chain (S2B2C) and see only what is theirs. A technician's key is
-- bound to the technician and so to that technician's store; a supplier's key to the supplier.
CREATE TABLE suppliers (
    id         bigserial PRIMARY KEY,
    code       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE technicians (
    id         bigserial PRIMARY KEY,
    store_id   bigint      NOT NULL REFERENCES locations (id),
    name       text        NOT NULL,
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- lets a key name (technician, store) together, so the two cannot disagree
    CONSTRAINT technicians_id_store_key UNIQUE (id, store_id)
);

ALTER TABLE api_keys
    DROP CONSTRAINT api_keys_role_check,
    DROP CONSTRAINT api_keys_store_bound,
    ADD COLUMN technician_id bigint,
    ADD COLUMN supplier_id bigint REFERENCES suppliers (id),
    ADD CONSTRAINT api_keys_role_check CHECK (role IN
        ('storefront', 'pos', 'store_manager', 'hq_analyst', 'hq_admin', 'technician', 'supplier')),
    ADD CONSTRAINT api_keys_store_bound
        CHECK ((role IN ('pos', 'store_manager', 'technician')) = (store_id IS NOT NULL)),
    ADD CONSTRAINT api_keys_technician_bound CHECK ((role = 'technician') = (technician_id IS NOT NULL)),
    ADD CONSTRAINT api_keys_supplier_bound CHECK ((role = 'supplier') = (supplier_id IS NOT NULL)),
    ADD CONSTRAINT api_keys_technician_store_fkey FOREIGN KEY (technician_id, store_id)
        REFERENCES technicians (id, store_id) ON UPDATE CASCADE;
