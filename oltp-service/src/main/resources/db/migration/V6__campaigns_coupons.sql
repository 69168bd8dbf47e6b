-- Campaigns group coupon templates; a template says what a coupon is worth, where and when it
-- counts and how many may be issued; a coupon is one issued to one member, redeemed once.
CREATE TABLE campaigns (
    id         bigserial PRIMARY KEY,
    code       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);

CREATE TABLE coupon_templates (
    id               bigserial PRIMARY KEY,
    campaign_id      bigint         NOT NULL REFERENCES campaigns (id),
    code             text           NOT NULL UNIQUE,
    name             text           NOT NULL,
    discount_type    text           NOT NULL CHECK (discount_type IN ('amount_off', 'percent_off')),
    amount_off       numeric(18, 2) CHECK (amount_off > 0),
    percent_off      numeric(5, 2) CHECK (percent_off > 0 AND percent_off <= 100),
    max_discount     numeric(18, 2) CHECK (max_discount > 0),
    min_spend        numeric(18, 2) NOT NULL DEFAULT 0 CHECK (min_spend >= 0),
    channel_scope    text           NOT NULL CHECK (channel_scope IN ('online', 'store', 'all')),
    valid_from       timestamptz    NOT NULL,
    valid_to         timestamptz    NOT NULL,
    total_limit      integer CHECK (total_limit > 0),
    per_member_limit integer        NOT NULL DEFAULT 1 CHECK (per_member_limit > 0),
    issued_count     integer        NOT NULL DEFAULT 0,
    created_at       timestamptz    NOT NULL DEFAULT now(),
    CHECK (valid_to > valid_from),
    CHECK ((discount_type = 'amount_off') = (amount_off IS NOT NULL)),
    CHECK ((discount_type = 'percent_off') = (percent_off IS NOT NULL)),
    CONSTRAINT coupon_templates_total_limit CHECK (total_limit IS NULL OR issued_count <= total_limit)
);

-- issued -> reserved (by an unpaid order) -> redeemed (paid); reserved -> issued if cancelled.
-- batch makes issuing idempotent: the same batch never issues a member a second coupon.
CREATE TABLE coupons (
    id          bigserial PRIMARY KEY,
    template_id bigint      NOT NULL REFERENCES coupon_templates (id),
    member_id   bigint      NOT NULL REFERENCES members (id),
    code        text        NOT NULL UNIQUE,
    status      text        NOT NULL CHECK (status IN ('issued', 'reserved', 'redeemed')),
    batch       text        NOT NULL,
    order_id    bigint REFERENCES orders (id),
    issued_at   timestamptz NOT NULL DEFAULT now(),
    redeemed_at timestamptz,
    UNIQUE (template_id, member_id, batch),
    CHECK ((status = 'issued') = (order_id IS NULL))
);
CREATE INDEX coupons_member_idx ON coupons (member_id);

ALTER TABLE orders
    ADD COLUMN coupon_id       bigint REFERENCES coupons (id),
    ADD COLUMN coupon_discount numeric(18, 2) NOT NULL DEFAULT 0 CHECK (coupon_discount >= 0);

ALTER TABLE campaigns REPLICA IDENTITY FULL;
ALTER TABLE coupon_templates REPLICA IDENTITY FULL;
ALTER TABLE coupons REPLICA IDENTITY FULL;
