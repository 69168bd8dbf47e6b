-- Units shipped to a location by a transfer and not yet received there.
ALTER TABLE stock
    ADD COLUMN in_transit integer NOT NULL DEFAULT 0 CHECK (in_transit >= 0);

-- Stock documents: receipts and issues (posted at once), transfers (draft -> shipped ->
-- received; location_id ships, to_location_id receives) and stocktakes (open -> posted).
CREATE TABLE stock_documents (
    id             bigserial PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('receipt', 'issue', 'transfer', 'stocktake')),
    location_id    bigint      NOT NULL REFERENCES locations (id),
    to_location_id bigint REFERENCES locations (id),
    status         text        NOT NULL
        CHECK (status IN ('posted', 'draft', 'shipped', 'received', 'open')),
    reference      text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_documents_transfer_has_destination
        CHECK ((kind = 'transfer') = (to_location_id IS NOT NULL)),
    CONSTRAINT stock_documents_transfer_elsewhere CHECK (to_location_id <> location_id)
);

-- quantity: moved or shipped; received_quantity: what arrived (a transfer's discrepancy is the
-- difference); book_quantity: on hand when a stocktake opened; counted_quantity: what was counted.
CREATE TABLE stock_document_lines (
    document_id       bigint  NOT NULL REFERENCES stock_documents (id),
    line_no           integer NOT NULL,
    sku_id            bigint  NOT NULL REFERENCES skus (id),
    quantity          integer NOT NULL CHECK (quantity >= 0),
    received_quantity integer CHECK (received_quantity >= 0),
    book_quantity     integer,
    counted_quantity  integer CHECK (counted_quantity >= 0),
    PRIMARY KEY (document_id, line_no),
    UNIQUE (document_id, sku_id)
);

-- The append-only movement ledger: one row for every change of a stock level, written by the
-- database itself, with the reason and document the changing transaction declared through
-- set_config('chainstore.stock_reason' / 'chainstore.stock_document', ..., true).
CREATE TABLE stock_movements (
    id              bigserial PRIMARY KEY,
    sku_id          bigint      NOT NULL,
    location_id     bigint      NOT NULL,
    on_hand_change    integer     NOT NULL,
    reserved_change   integer     NOT NULL,
    in_transit_change integer     NOT NULL,
    on_hand_after     integer     NOT NULL,
    reserved_after    integer     NOT NULL,
    in_transit_after  integer     NOT NULL,
    reason          text        NOT NULL,
    document        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (sku_id, location_id) REFERENCES stock (sku_id, location_id)
);
CREATE INDEX stock_movements_item_idx ON stock_movements (sku_id, location_id, id);

CREATE FUNCTION record_stock_movement() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    movement_reason   text    := nullif(current_setting('chainstore.stock_reason', true), '');
    movement_document text    := nullif(current_setting('chainstore.stock_document', true), '');
    old_on_hand       integer := 0;
    old_reserved      integer := 0;
    old_in_transit    integer := 0;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        old_on_hand := OLD.on_hand;
        old_reserved := OLD.reserved;
        old_in_transit := OLD.in_transit;
        IF NEW.on_hand = old_on_hand AND NEW.reserved = old_reserved
            AND NEW.in_transit = old_in_transit THEN
            RETURN NEW;
        END IF;
    END IF;
    IF movement_reason IS NULL THEN
        RAISE EXCEPTION 'stock of SKU % at location % changed without a declared reason',
            NEW.sku_id, NEW.location_id;
    END IF;
    INSERT INTO stock_movements (sku_id, location_id, on_hand_change, reserved_change,
                                 in_transit_change, on_hand_after, reserved_after,
                                 in_transit_after, reason, document)
    VALUES (NEW.sku_id, NEW.location_id, NEW.on_hand - old_on_hand, NEW.reserved - old_reserved,
            NEW.in_transit - old_in_transit, NEW.on_hand, NEW.reserved, NEW.in_transit,
            movement_reason, movement_document);
    RETURN NEW;
END
$$;

CREATE TRIGGER stock_movement
    AFTER INSERT OR UPDATE ON stock
    FOR EACH ROW
EXECUTE FUNCTION record_stock_movement();

CREATE FUNCTION refuse_ledger_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'stock_movements is append-only';
END
$$;

CREATE TRIGGER stock_movements_append_only
    BEFORE UPDATE OR DELETE ON stock_movements
    FOR EACH ROW
EXECUTE FUNCTION refuse_ledger_rewrite();

ALTER TABLE stock_documents REPLICA IDENTITY FULL;
ALTER TABLE stock_document_lines REPLICA IDENTITY FULL;
ALTER TABLE stock_movements REPLICA IDENTITY FULL;
