SELECT grain, store_id, channel,
       if(grain IN ('day', 'month'), toString(local_date), toString(bucket_start)) AS bucket,
       gross_sales, member_discount, coupon_discount, points_discount, refunds, net_sales,
       paid_orders, units, member_orders, member_net_sales, new_members,
       goods_net_sales, goods_units, service_net_sales, service_units, part_net_sales, part_units
FROM store_kpi FINAL
