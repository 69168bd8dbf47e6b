-- A transfer cannot deliver more than it shipped: units found beyond the shipment are booked with a
-- receipt or a stocktake, never created by the transfer. NOT VALID: rows written before this rule
-- (when an over-receipt was still accepted) stay as history; every new or changed row is checked.
ALTER TABLE stock_document_lines
    ADD CONSTRAINT stock_document_lines_received_within_shipped
        CHECK (received_quantity IS NULL OR received_quantity <= quantity) NOT VALID;
