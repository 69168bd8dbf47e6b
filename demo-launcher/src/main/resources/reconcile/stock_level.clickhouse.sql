SELECT sku_id, location_id, on_hand, reserved, in_transit
FROM stock_level FINAL
