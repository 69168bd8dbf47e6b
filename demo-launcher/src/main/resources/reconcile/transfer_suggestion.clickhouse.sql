SELECT suggestion_id, sku_id, from_location_id, to_location_id, quantity, status,
       ifNull(transfer_id, 0) AS transfer_id
FROM transfer_suggestion FINAL
WHERE deleted = 0
