SELECT id AS sku_id, product_id, code, name, barcode, price
FROM skus
