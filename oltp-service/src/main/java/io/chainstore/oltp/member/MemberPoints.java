package io.chainstore.oltp.member;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What orders need from membership: the member's level terms, and points that are redeemed,
 * returned, earned and reversed — each a conditional update of the balance plus one ledger row, so
 * two checkouts spending the same points cannot both succeed and a balance never goes negative.
 */
@Service
public class MemberPoints {

  /** One point is worth one cent when redeemed. */
  public static final BigDecimal POINT_VALUE = new BigDecimal("0.01");

  /** A member's current terms. */
  public record Terms(
      long memberId,
      String level,
      BigDecimal discountPercent,
      BigDecimal pointsPerUnit,
      int balance) {}

  private final JdbcTemplate jdbc;

  MemberPoints(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Terms terms(long memberId, String field) {
    List<Terms> found =
        jdbc.query(
            "SELECT m.id, m.level_code, l.discount_percent, l.points_per_currency_unit, m.points_balance"
                + " FROM members m JOIN member_levels l ON l.code = m.level_code WHERE m.id = ?",
            (rs, i) ->
                new Terms(
                    rs.getLong("id"),
                    rs.getString("level_code"),
                    rs.getBigDecimal("discount_percent"),
                    rs.getBigDecimal("points_per_currency_unit"),
                    rs.getInt("points_balance")),
            memberId);
    if (found.isEmpty()) {
      throw ApiException.unprocessable(field, "no member " + memberId);
    }
    return found.get(0);
  }

  /** Spends points on an order, or refuses (409) when the balance does not cover them. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void redeem(long memberId, int points, long orderId) {
    if (points == 0) {
      return;
    }
    if (jdbc.update(
            "UPDATE members SET points_balance = points_balance - ? WHERE id = ? AND points_balance >= ?",
            points,
            memberId,
            points)
        == 0) {
      throw ApiException.conflict(
          "pointsToRedeem", "the member has fewer than " + points + " points");
    }
    record(memberId, -points, "redeemed", orderId);
  }

  /** Gives back the points an order spent (the order was cancelled or refunded). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void returnRedeemed(long memberId, int points, long orderId) {
    if (points > 0) {
      jdbc.update(
          "UPDATE members SET points_balance = points_balance + ? WHERE id = ?", points, memberId);
      record(memberId, points, "redemption_returned", orderId);
    }
  }

  /**
   * Credits the points a paid order earns (whole points of total × the level's rate), adds the
   * total to the lifetime spend and moves the member up a level when it reaches one. Returns the
   * points earned.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int earn(long memberId, BigDecimal paid, long orderId) {
    Terms terms = terms(memberId, "memberId");
    int points =
        paid.multiply(terms.pointsPerUnit()).setScale(0, RoundingMode.DOWN).intValueExact();
    if (points > 0) {
      jdbc.update(
          "UPDATE members SET points_balance = points_balance + ? WHERE id = ?", points, memberId);
      record(memberId, points, "earned", orderId);
    }
    addSpend(memberId, paid);
    return points;
  }

  /**
   * Adds to (or, negative, takes from) the lifetime spend, never below zero, and sets the level to
   * the highest one that spend reaches: goods returned count neither towards a level nor keep one.
   */
  private void addSpend(long memberId, BigDecimal change) {
    jdbc.update(
        "UPDATE members m SET lifetime_spend = greatest(m.lifetime_spend + ?, 0),"
            + " level_code = (SELECT l.code FROM member_levels l"
            + "   WHERE l.upgrade_spend <= greatest(m.lifetime_spend + ?, 0)"
            + "   ORDER BY l.upgrade_spend DESC LIMIT 1)"
            + " WHERE m.id = ?",
        change,
        change,
        memberId);
  }

  /**
   * A refund: takes back the points it earned, as far as the balance allows (returns that), and
   * takes the refunded amount off the lifetime spend.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int reverseEarned(long memberId, int earned, BigDecimal paid, long orderId) {
    Integer balance =
        jdbc.queryForObject(
            "SELECT points_balance FROM members WHERE id = ? FOR UPDATE", Integer.class, memberId);
    int taken = Math.min(earned, balance == null ? 0 : balance);
    if (taken > 0) {
      jdbc.update(
          "UPDATE members SET points_balance = points_balance - ? WHERE id = ?", taken, memberId);
      record(memberId, -taken, "earn_reversed", orderId);
    }
    addSpend(memberId, paid.negate());
    return taken;
  }

  private void record(long memberId, int change, String reason, long orderId) {
    jdbc.update(
        "INSERT INTO points_ledger (member_id, change, balance_after, reason, order_id)"
            + " SELECT id, ?, points_balance, ?, ? FROM members WHERE id = ?",
        change,
        reason,
        orderId,
        memberId);
  }
}
