package io.chainstore.oltp.coupon;

import io.chainstore.oltp.web.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons at checkout: checked (owner, status, validity window, channel), reserved by an unpaid
 * order with one conditional update — so two checkouts with the same coupon cannot both win —
 * redeemed on payment, and released if the order is cancelled before payment.
 */
@Service
public class Coupons {

  private final JdbcTemplate jdbc;

  Coupons(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The terms of a coupon the member may use on this channel now, or a clear refusal. */
  @Transactional(propagation = Propagation.MANDATORY)
  public CouponTerms check(String code, Long memberId, String channelScope, Instant now) {
    List<java.util.Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT c.id, c.member_id, c.status, t.discount_type, t.amount_off, t.percent_off,"
                + " t.max_discount, t.min_spend, t.channel_scope, t.valid_from, t.valid_to"
                + " FROM coupons c JOIN coupon_templates t ON t.id = c.template_id WHERE c.code = ?",
            code);
    if (rows.isEmpty()) {
      throw ApiException.unprocessable("couponCode", "no coupon " + code);
    }
    var row = rows.get(0);
    if (memberId == null || ((Number) row.get("member_id")).longValue() != memberId) {
      throw ApiException.unprocessable("couponCode", "this coupon belongs to another member");
    }
    if (!"issued".equals(row.get("status"))) {
      throw ApiException.conflict("couponCode", "this coupon was already used");
    }
    Instant from = ((java.sql.Timestamp) row.get("valid_from")).toInstant();
    Instant to = ((java.sql.Timestamp) row.get("valid_to")).toInstant();
    if (now.isBefore(from)) {
      throw ApiException.unprocessable("couponCode", "this coupon is valid from " + from);
    }
    if (!now.isBefore(to)) {
      throw ApiException.unprocessable("couponCode", "this coupon expired at " + to);
    }
    String scope = (String) row.get("channel_scope");
    if (!"all".equals(scope) && !scope.equals(channelScope)) {
      throw ApiException.unprocessable("couponCode", "this coupon is valid " + scope + " only");
    }
    return new CouponTerms(
        ((Number) row.get("id")).longValue(),
        (String) row.get("discount_type"),
        (java.math.BigDecimal) row.get("amount_off"),
        (java.math.BigDecimal) row.get("percent_off"),
        (java.math.BigDecimal) row.get("max_discount"),
        (java.math.BigDecimal) row.get("min_spend"));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void reserve(long couponId, long orderId) {
    if (jdbc.update(
            "UPDATE coupons SET status = 'reserved', order_id = ? WHERE id = ? AND status = 'issued'",
            orderId,
            couponId)
        == 0) {
      throw ApiException.conflict("couponCode", "this coupon was already used");
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void redeem(long couponId, long orderId) {
    jdbc.update(
        "UPDATE coupons SET status = 'redeemed', redeemed_at = now() WHERE id = ? AND order_id = ?",
        couponId,
        orderId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void release(long couponId, long orderId) {
    jdbc.update(
        "UPDATE coupons SET status = 'issued', order_id = NULL WHERE id = ? AND order_id = ? AND status = 'reserved'",
        couponId,
        orderId);
  }
}
