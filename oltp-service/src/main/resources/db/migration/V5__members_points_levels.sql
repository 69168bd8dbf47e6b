-- Member levels: a discount on every order and points per currency unit paid; a member moves up
-- to the highest level whose upgrade_spend their lifetime spend has reached.
CREATE TABLE member_levels (
    code                     text PRIMARY KEY,
    name                     text           NOT NULL,
    discount_percent         numeric(5, 2)  NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
    points_per_currency_unit numeric(6, 2)  NOT NULL CHECK (points_per_currency_unit >= 0),
    upgrade_spend            numeric(18, 2) NOT NULL UNIQUE CHECK (upgrade_spend >= 0)
);
INSERT INTO member_levels (code, name, discount_percent, points_per_currency_unit, upgrade_spend)
VALUES ('bronze', 'Bronze', 0, 1, 0),
       ('silver', 'Silver', 3, 1.5, 1000),
       ('gold', 'Gold', 5, 2, 5000);

-- One member across channels: a member code for the till, a level, a points balance that can
-- never go below zero, and the lifetime spend that drives upgrades.
ALTER TABLE members
    ADD COLUMN code           text GENERATED ALWAYS AS ('M' || lpad(id::text, 9, '0')) STORED UNIQUE,
    ADD COLUMN level_code     text           NOT NULL DEFAULT 'bronze' REFERENCES member_levels (code),
    ADD COLUMN points_balance integer        NOT NULL DEFAULT 0 CHECK (points_balance >= 0),
    ADD COLUMN lifetime_spend numeric(18, 2) NOT NULL DEFAULT 0;

-- The points ledger: every change of a balance, append-only.
CREATE TABLE points_ledger (
    id            bigserial PRIMARY KEY,
    member_id     bigint      NOT NULL REFERENCES members (id),
    change        integer     NOT NULL CHECK (change <> 0),
    balance_after integer     NOT NULL CHECK (balance_after >= 0),
    reason        text        NOT NULL
        CHECK (reason IN ('earned', 'earn_reversed', 'redeemed', 'redemption_returned', 'adjustment')),
    order_id      bigint REFERENCES orders (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX points_ledger_member_idx ON points_ledger (member_id, id);
CREATE TRIGGER points_ledger_append_only
    BEFORE UPDATE OR DELETE ON points_ledger
    FOR EACH ROW
EXECUTE FUNCTION refuse_ledger_rewrite();

-- How an order's total came about (see OrderPricing): subtotal - member discount - points.
ALTER TABLE orders
    ADD COLUMN subtotal_amount numeric(18, 2) CHECK (subtotal_amount >= 0),
    ADD COLUMN member_discount numeric(18, 2) NOT NULL DEFAULT 0 CHECK (member_discount >= 0),
    ADD COLUMN points_discount numeric(18, 2) NOT NULL DEFAULT 0 CHECK (points_discount >= 0),
    ADD COLUMN points_redeemed integer        NOT NULL DEFAULT 0 CHECK (points_redeemed >= 0),
    ADD COLUMN points_earned   integer        NOT NULL DEFAULT 0 CHECK (points_earned >= 0);

ALTER TABLE member_levels REPLICA IDENTITY FULL;
ALTER TABLE points_ledger REPLICA IDENTITY FULL;
