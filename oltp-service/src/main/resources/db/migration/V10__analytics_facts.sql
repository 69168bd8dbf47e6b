-- Facts the analytics need, kept with the transactional rows they describe.

-- Each location's IANA time zone: its business day is its local day. Fixed when it opens.
ALTER TABLE locations
    ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';

-- Where a member joined: at a store's till (pos, with the store) or online (no store).
ALTER TABLE members
    ADD COLUMN store_id bigint REFERENCES locations (id),
    ADD COLUMN channel  text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'pos')),
    ADD CONSTRAINT members_pos_has_store CHECK ((channel = 'pos') = (store_id IS NOT NULL));

-- The kind of product each line sold (a product never changes kind), so sales split by kind
-- without a join in the stream.
ALTER TABLE order_lines
    ADD COLUMN product_kind text;
UPDATE order_lines l
SET product_kind = p.kind
FROM skus k
         JOIN products p ON p.id = k.product_id
WHERE k.id = l.sku_id;
ALTER TABLE order_lines
    ALTER COLUMN product_kind SET NOT NULL,
    ADD CONSTRAINT order_lines_product_kind_check CHECK (product_kind IN ('goods', 'service', 'part'));

-- The order of each returned line, so a line's refunds are known from its own change event.
ALTER TABLE order_return_lines
    ADD COLUMN order_id bigint REFERENCES orders (id);
UPDATE order_return_lines rl
SET order_id = r.order_id
FROM order_returns r
WHERE r.id = rl.return_id;
ALTER TABLE order_return_lines
    ALTER COLUMN order_id SET NOT NULL;
