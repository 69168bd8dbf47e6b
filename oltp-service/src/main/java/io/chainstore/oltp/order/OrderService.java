package io.chainstore.oltp.order;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.catalog.Prices;
import io.chainstore.oltp.coupon.CouponTerms;
import io.chainstore.oltp.coupon.Coupons;
import io.chainstore.oltp.member.MemberPoints;
import io.chainstore.oltp.stock.StockService;
import io.chainstore.oltp.stock.StockService.Quantity;
import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order lifecycle. Callers provide the transaction (see IdempotentRequests), so the order, its
 * stock changes and the stored idempotent response commit together or not at all.
 */
@Service
class OrderService {

  private final JdbcTemplate jdbc;
  private final StockService stock;
  private final Prices prices;
  private final MemberPoints points;
  private final Coupons coupons;

  OrderService(
      JdbcTemplate jdbc, StockService stock, Prices prices, MemberPoints points, Coupons coupons) {
    this.jdbc = jdbc;
    this.stock = stock;
    this.prices = prices;
    this.points = points;
    this.coupons = coupons;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Order create(CreateOrderRequest request) {
    OrderAccess.checkCreate(Caller.current(), request);
    requireStore(request.storeId());
    BigDecimal memberDiscountPercent = BigDecimal.ZERO;
    if (request.memberId() != null) {
      memberDiscountPercent = points.terms(request.memberId(), "memberId").discountPercent();
    } else if (request.points() > 0) {
      throw ApiException.unprocessable("pointsToRedeem", "only a member can redeem points");
    }
    CouponTerms coupon =
        request.couponCode() == null
            ? null
            : coupons.check(
                request.couponCode(),
                request.memberId(),
                request.channel() == Channel.POS ? "store" : "online",
                Instant.now());
    Map<Long, BigDecimal> prices = pricesOf(request.storeId(), request.lines());
    OrderPricing.Priced priced =
        OrderPricing.price(
            request.lines(),
            prices,
            memberDiscountPercent,
            coupon,
            request.points(),
            MemberPoints.POINT_VALUE);

    Long id =
        jdbc.queryForObject(
            "INSERT INTO orders (store_id, channel, member_id, status, subtotal_amount,"
                + " member_discount, coupon_id, coupon_discount, points_discount, points_redeemed,"
                + " total_amount, total_units)"
                + " VALUES (?, ?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            Long.class,
            request.storeId(),
            request.channel().code(),
            request.memberId(),
            priced.subtotal(),
            priced.memberDiscount(),
            coupon == null ? null : coupon.couponId(),
            priced.couponDiscount(),
            priced.pointsDiscount(),
            priced.pointsRedeemed(),
            priced.total(),
            priced.units());
    jdbc.batchUpdate(
        "INSERT INTO order_lines (order_id, line_no, sku_id, quantity, unit_price, line_amount)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        priced.lines().stream()
            .map(
                l ->
                    new Object[] {
                      id, l.lineNo(), l.skuId(), l.quantity(), l.unitPrice(), l.lineAmount()
                    })
            .toList());
    stock.reserve(request.storeId(), quantities(request), "order:" + id);
    if (coupon != null) {
      coupons.reserve(coupon.couponId(), id);
    }
    if (request.memberId() != null) {
      points.redeem(request.memberId(), priced.pointsRedeemed(), id);
    }
    return load(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Order pay(long orderId) {
    Order order = lockForChange(orderId);
    if (order.status() != OrderStatus.CREATED) {
      throw ApiException.conflict(
          "status", "order " + orderId + " is " + order.status().code() + ", not created");
    }
    jdbc.update(
        "UPDATE orders SET status = 'paid', paid_at = now(), updated_at = now() WHERE id = ?",
        orderId);
    stock.commitReserved(order.storeId(), quantities(order), "order:" + orderId);
    if (order.couponId() != null) {
      coupons.redeem(order.couponId(), orderId);
    }
    if (order.memberId() != null) {
      int earned = points.earn(order.memberId(), order.totalAmount(), orderId);
      jdbc.update("UPDATE orders SET points_earned = ? WHERE id = ?", earned, orderId);
    }
    return load(orderId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Order cancel(long orderId) {
    Order order = lockForChange(orderId);
    switch (order.status()) {
      case CREATED -> {
        stock.release(order.storeId(), quantities(order), "order:" + orderId);
        if (order.couponId() != null) {
          coupons.release(order.couponId(), orderId);
        }
      }
      case PAID -> stock.restock(order.storeId(), quantities(order), "order:" + orderId);
      case CANCELLED ->
          throw ApiException.conflict("status", "order " + orderId + " is already cancelled");
    }
    if (order.memberId() != null) {
      points.returnRedeemed(order.memberId(), order.pointsRedeemed(), orderId);
      if (order.status() == OrderStatus.PAID) {
        points.reverseEarned(order.memberId(), order.pointsEarned(), order.totalAmount(), orderId);
      }
    }
    jdbc.update(
        "UPDATE orders SET status = 'cancelled', cancelled_at = now(), updated_at = now()"
            + " WHERE id = ?",
        orderId);
    return load(orderId);
  }

  @Transactional(readOnly = true)
  Order get(long orderId) {
    Order order = load(orderId);
    OrderAccess.checkRead(Caller.current(), order);
    return order;
  }

  private Order lockForChange(long orderId) {
    List<Long> locked =
        jdbc.queryForList("SELECT id FROM orders WHERE id = ? FOR UPDATE", Long.class, orderId);
    if (locked.isEmpty()) {
      throw ApiException.notFound("orderId", "no order " + orderId);
    }
    Order order = load(orderId);
    OrderAccess.checkChange(Caller.current(), order);
    return order;
  }

  private void requireStore(long storeId) {
    List<String> kinds =
        jdbc.queryForList("SELECT kind FROM locations WHERE id = ?", String.class, storeId);
    if (kinds.isEmpty()) {
      throw ApiException.unprocessable("storeId", "no location " + storeId);
    }
    if (!"store".equals(kinds.get(0))) {
      throw ApiException.unprocessable("storeId", "location " + storeId + " is not a store");
    }
  }

  private Map<Long, BigDecimal> pricesOf(long storeId, List<CreateOrderRequest.Line> lines) {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!seen.add(lines.get(i).skuId())) {
        throw ApiException.unprocessable(
            "lines[" + i + "].skuId", "SKU " + lines.get(i).skuId() + " appears twice");
      }
    }
    Map<Long, BigDecimal> prices = this.prices.at(storeId, seen);
    for (int i = 0; i < lines.size(); i++) {
      if (!prices.containsKey(lines.get(i).skuId())) {
        throw ApiException.unprocessable(
            "lines[" + i + "].skuId", "no SKU " + lines.get(i).skuId());
      }
    }
    return prices;
  }

  private Order load(long orderId) {
    List<Order.OrderLine> lines =
        jdbc.query(
            "SELECT line_no, sku_id, quantity, unit_price, line_amount FROM order_lines"
                + " WHERE order_id = ? ORDER BY line_no",
            (rs, i) ->
                new Order.OrderLine(
                    rs.getInt("line_no"),
                    rs.getLong("sku_id"),
                    rs.getInt("quantity"),
                    rs.getBigDecimal("unit_price"),
                    rs.getBigDecimal("line_amount")),
            orderId);
    List<Order> orders =
        jdbc.query(
            "SELECT * FROM orders WHERE id = ?",
            (rs, i) ->
                new Order(
                    rs.getLong("id"),
                    rs.getLong("store_id"),
                    Channel.fromCode(rs.getString("channel")),
                    rs.getObject("member_id", Long.class),
                    OrderStatus.fromCode(rs.getString("status")),
                    rs.getBigDecimal("subtotal_amount"),
                    rs.getBigDecimal("member_discount"),
                    rs.getObject("coupon_id", Long.class),
                    rs.getBigDecimal("coupon_discount"),
                    rs.getBigDecimal("points_discount"),
                    rs.getInt("points_redeemed"),
                    rs.getInt("points_earned"),
                    rs.getBigDecimal("total_amount"),
                    rs.getInt("total_units"),
                    utc(rs.getTimestamp("created_at")),
                    utc(rs.getTimestamp("paid_at")),
                    utc(rs.getTimestamp("cancelled_at")),
                    lines),
            orderId);
    if (orders.isEmpty()) {
      throw ApiException.notFound("orderId", "no order " + orderId);
    }
    return orders.get(0);
  }

  private static OffsetDateTime utc(Timestamp ts) {
    return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
  }

  private static List<Quantity> quantities(CreateOrderRequest request) {
    return IntStream.range(0, request.lines().size())
        .mapToObj(
            i -> new Quantity(i, request.lines().get(i).skuId(), request.lines().get(i).quantity()))
        .toList();
  }

  private static List<Quantity> quantities(Order order) {
    List<Quantity> out = new ArrayList<>();
    for (Order.OrderLine line : order.lines()) {
      out.add(new Quantity(line.lineNo() - 1, line.skuId(), line.quantity()));
    }
    return out;
  }
}
