SELECT id::text AS suggestion_id, sku_id, from_location_id, to_location_id, quantity, status,
       coalesce(transfer_id, 0) AS transfer_id
FROM suggested_transfers
