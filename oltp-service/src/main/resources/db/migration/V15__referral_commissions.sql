-- T9 three-level referral commissions. A member's referral code is their member code.

-- The referrer chain, fixed when the member joins: level 1 is the referrer, 2 the referrer's
-- referrer, 3 the one above. One chain per member (primary key); no self-referral and no
-- member twice in a chain. Every ancestor joined before the member (smaller id: ids only grow),
-- so the chains can never form a cycle, whatever path writes them.
CREATE TABLE referral_chains (
    member_id        bigint PRIMARY KEY REFERENCES members (id),
    level1_member_id bigint      NOT NULL REFERENCES members (id),
    level2_member_id bigint REFERENCES members (id),
    level3_member_id bigint REFERENCES members (id),
    joined_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT referral_chains_no_self CHECK (member_id NOT IN (level1_member_id, level2_member_id, level3_member_id)),
    CONSTRAINT referral_chains_ancestors_older CHECK (
        level1_member_id < member_id
            AND (level2_member_id IS NULL OR level2_member_id < level1_member_id)
            AND (level3_member_id IS NULL OR level3_member_id < level2_member_id)),
    CONSTRAINT referral_chains_no_gap CHECK (level3_member_id IS NULL OR level2_member_id IS NOT NULL)
);
CREATE INDEX referral_chains_level1_idx ON referral_chains (level1_member_id);
CREATE INDEX referral_chains_level2_idx ON referral_chains (level2_member_id);
CREATE INDEX referral_chains_level3_idx ON referral_chains (level3_member_id);

-- Commission rates per level in percent of what was paid: chain-wide (no campaign) or for the
-- orders that used a coupon of a campaign, each valid from .. to (open-ended when valid_to is
-- null). The three levels together are at most 50 %; plans of one scope never overlap in time.
CREATE TABLE referral_rate_plans (
    id             bigserial PRIMARY KEY,
    campaign_id    bigint REFERENCES campaigns (id),
    level1_percent numeric(5, 2) NOT NULL CHECK (level1_percent BETWEEN 0 AND 50),
    level2_percent numeric(5, 2) NOT NULL CHECK (level2_percent BETWEEN 0 AND 50),
    level3_percent numeric(5, 2) NOT NULL CHECK (level3_percent BETWEEN 0 AND 50),
    valid_from     timestamptz   NOT NULL,
    valid_to       timestamptz,
    created_by     text          NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT referral_rate_plans_total CHECK (level1_percent + level2_percent + level3_percent <= 50),
    CONSTRAINT referral_rate_plans_window CHECK (valid_to IS NULL OR valid_to > valid_from),
    -- One scope is a one-point range of the campaign id (0: chain-wide); ranges have GiST
    -- support built in, so no extension is needed for the exclusion.
    CONSTRAINT referral_rate_plans_no_overlap EXCLUDE USING gist (
        int8range(coalesce(campaign_id, 0), coalesce(campaign_id, 0), '[]') WITH &&,
        tstzrange(valid_from, valid_to) WITH &&)
);

-- A payout run by HQ, and what it paid each member (always a positive amount).
CREATE TABLE referral_payout_runs (
    id         bigserial PRIMARY KEY,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE referral_payouts (
    id        bigserial PRIMARY KEY,
    run_id    bigint         NOT NULL REFERENCES referral_payout_runs (id),
    member_id bigint         NOT NULL REFERENCES members (id),
    amount    numeric(18, 2) NOT NULL CHECK (amount > 0),
    UNIQUE (run_id, member_id)
);

-- The commission ledger: one row per order line and level, booked when the order is paid, on
-- the line's share of what was paid. pending -> settled (the return window passed) -> paid_out.
-- The money columns never change (a trigger refuses it); returns book reversal rows, and
-- reversed_amount is their running sum, which can never exceed the commission.
CREATE TABLE referral_commissions (
    id                bigserial PRIMARY KEY,
    order_id          bigint         NOT NULL REFERENCES orders (id),
    line_no           integer        NOT NULL,
    level             smallint       NOT NULL CHECK (level BETWEEN 1 AND 3),
    member_id         bigint         NOT NULL REFERENCES members (id),
    buyer_member_id   bigint         NOT NULL REFERENCES members (id),
    rate_plan_id      bigint         NOT NULL REFERENCES referral_rate_plans (id),
    base_amount       numeric(18, 2) NOT NULL CHECK (base_amount > 0),
    rate_percent      numeric(5, 2)  NOT NULL CHECK (rate_percent > 0 AND rate_percent <= 50),
    amount            numeric(18, 2) NOT NULL CHECK (amount > 0),
    reversed_amount   numeric(18, 2) NOT NULL DEFAULT 0,
    status            text           NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'settled', 'paid_out')),
    settled_at        timestamptz,
    payout_id         bigint REFERENCES referral_payouts (id),
    created_at        timestamptz    NOT NULL DEFAULT now(),
    UNIQUE (order_id, line_no, level),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no),
    CONSTRAINT referral_commissions_not_to_buyer CHECK (member_id <> buyer_member_id),
    CONSTRAINT referral_commissions_reversed_within CHECK (reversed_amount BETWEEN 0 AND amount),
    CONSTRAINT referral_commissions_settled_at CHECK ((status = 'pending') = (settled_at IS NULL)),
    CONSTRAINT referral_commissions_paid_out CHECK ((status = 'paid_out') = (payout_id IS NOT NULL))
);
CREATE INDEX referral_commissions_member_idx ON referral_commissions (member_id, status);
CREATE INDEX referral_commissions_order_idx ON referral_commissions (order_id);

-- What returns and refunds took back from a commission (a positive amount). A reversal is paid
-- out with its commission, or, if the commission was paid out already, netted off the member's
-- next payout (a clawback): payout_id says in which payout it was netted.
CREATE TABLE referral_commission_reversals (
    id            bigserial PRIMARY KEY,
    commission_id bigint         NOT NULL REFERENCES referral_commissions (id),
    member_id     bigint         NOT NULL REFERENCES members (id),
    return_id     bigint REFERENCES order_returns (id),
    amount        numeric(18, 2) NOT NULL CHECK (amount > 0),
    clawback      boolean        NOT NULL,
    payout_id     bigint REFERENCES referral_payouts (id),
    created_at    timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX referral_commission_reversals_member_idx ON referral_commission_reversals (member_id)
    WHERE payout_id IS NULL;
CREATE INDEX referral_commission_reversals_commission_idx ON referral_commission_reversals (commission_id);

-- Booked money is never rewritten: only the status, settlement, payout and the running sum of
-- reversals of a commission change, and only which payout netted a reversal. Neither is deleted.
CREATE FUNCTION referral_commission_is_fixed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a booked commission is never deleted; book a reversal';
    END IF;
    IF (NEW.order_id, NEW.line_no, NEW.level, NEW.member_id, NEW.buyer_member_id,
            NEW.rate_plan_id, NEW.base_amount, NEW.rate_percent, NEW.amount, NEW.created_at)
            IS DISTINCT FROM (
            OLD.order_id, OLD.line_no, OLD.level, OLD.member_id, OLD.buyer_member_id,
            OLD.rate_plan_id, OLD.base_amount, OLD.rate_percent, OLD.amount, OLD.created_at) THEN
        RAISE EXCEPTION 'a booked commission is never rewritten; book a reversal';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER referral_commissions_money_fixed
    BEFORE UPDATE OR DELETE ON referral_commissions
    FOR EACH ROW
EXECUTE FUNCTION referral_commission_is_fixed();

CREATE FUNCTION referral_reversal_is_fixed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a booked reversal is never deleted';
    END IF;
    IF (NEW.commission_id, NEW.member_id, NEW.return_id, NEW.amount, NEW.clawback, NEW.created_at)
            IS DISTINCT FROM (
            OLD.commission_id, OLD.member_id, OLD.return_id, OLD.amount, OLD.clawback, OLD.created_at) THEN
        RAISE EXCEPTION 'a booked reversal is never rewritten';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER referral_commission_reversals_money_fixed
    BEFORE UPDATE OR DELETE ON referral_commission_reversals
    FOR EACH ROW
EXECUTE FUNCTION referral_reversal_is_fixed();

ALTER TABLE referral_chains REPLICA IDENTITY FULL;
ALTER TABLE referral_rate_plans REPLICA IDENTITY FULL;
ALTER TABLE referral_payout_runs REPLICA IDENTITY FULL;
ALTER TABLE referral_payouts REPLICA IDENTITY FULL;
ALTER TABLE referral_commissions REPLICA IDENTITY FULL;
ALTER TABLE referral_commission_reversals REPLICA IDENTITY FULL;
