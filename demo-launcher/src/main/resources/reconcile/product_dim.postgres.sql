SELECT id AS product_id, code, name, kind, category
FROM products
