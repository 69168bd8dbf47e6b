SELECT template_id, channel, toString(local_date) AS local_date,
       issued, redeemed, released, discount_cost, attributed_net_sales
FROM coupon_roi FINAL
