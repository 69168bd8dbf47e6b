SELECT store_id, period_type, toString(period_start) AS period_start, net_sales, orders, new_members
FROM kpi_target FINAL
WHERE deleted = 0
