SELECT store_id, period_type, to_char(period_start, 'YYYY-MM-DD') AS period_start,
       net_sales, orders, new_members
FROM kpi_targets
