SELECT sku_id, toString(local_date) AS local_date, net_sales, units
FROM sku_chain_sales FINAL
