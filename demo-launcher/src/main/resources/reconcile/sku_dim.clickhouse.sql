SELECT sku_id, product_id, code, name, barcode, price
FROM sku_dim FINAL
WHERE deleted = 0
