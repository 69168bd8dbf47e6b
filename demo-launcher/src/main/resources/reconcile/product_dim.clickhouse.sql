SELECT product_id, code, name, kind, category
FROM product_dim FINAL
WHERE deleted = 0
