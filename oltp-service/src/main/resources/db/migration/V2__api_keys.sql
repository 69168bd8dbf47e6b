-- API keys of the service's callers. Only a SHA-256 of each key is stored; the key itself is
-- shown once, when it is created. Not captured by CDC.
CREATE TABLE api_keys (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL,
    key_hash   text        NOT NULL UNIQUE,
    role       text        NOT NULL
        CHECK (role IN ('storefront', 'pos', 'store_manager', 'hq_analyst', 'hq_admin')),
    store_id   bigint REFERENCES locations (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    -- A POS terminal or a store manager belongs to exactly one store; other roles to none.
    CONSTRAINT api_keys_store_bound CHECK ((role IN ('pos', 'store_manager')) = (store_id IS NOT NULL))
);
