package io.chainstore.oltp.referral;

import io.chainstore.oltp.order.OrderPaid;
import io.chainstore.oltp.order.OrderRefunded;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commission ledger: booked when an order is paid, reversed when its units come back, settled
 * once the return window has passed, paid out by HQ. The arithmetic is {@link CommissionMath}'s.
 */
@Service
class CommissionLedger {

  record Settlement(OffsetDateTime asOf, int returnWindowDays, int settled) {}

  record MemberPayout(long payoutId, long memberId, BigDecimal amount) {}

  record PayoutRun(long runId, BigDecimal total, List<MemberPayout> payouts) {}

  private record Order(
      long memberId, BigDecimal subtotal, BigDecimal total, Timestamp paidAt, Long campaignId) {}

  private record Line(int lineNo, BigDecimal amount) {}

  private record Booked(
      long id,
      BigDecimal amount,
      BigDecimal baseAmount,
      BigDecimal reversed,
      String status,
      long memberId) {}

  private record Entry(long id, long memberId, BigDecimal amount) {}

  private final JdbcTemplate jdbc;
  private final RatePlans plans;
  private final int returnWindowDays;

  CommissionLedger(
      JdbcTemplate jdbc,
      RatePlans plans,
      @Value("${chainstore.referral.return-window-days:14}") int returnWindowDays) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.returnWindowDays = returnWindowDays;
  }

  /**
   * Books a pending commission per line and level of the buyer's chain, in the paying transaction.
   */
  @EventListener
  void paid(OrderPaid event) {
    List<Order> orders =
        jdbc.query(
            "SELECT o.member_id, coalesce(o.subtotal_amount, o.total_amount) AS subtotal,"
                + " o.total_amount, o.paid_at, t.campaign_id FROM orders o"
                + " LEFT JOIN coupons c ON c.id = o.coupon_id"
                + " LEFT JOIN coupon_templates t ON t.id = c.template_id"
                + " WHERE o.id = ? AND o.member_id IS NOT NULL",
            (rs, i) ->
                new Order(
                    rs.getLong("member_id"),
                    rs.getBigDecimal("subtotal"),
                    rs.getBigDecimal("total_amount"),
                    rs.getTimestamp("paid_at"),
                    rs.getObject("campaign_id", Long.class)),
            event.orderId());
    if (orders.isEmpty()) {
      return;
    }
    Order order = orders.get(0);
    List<Long> chain =
        jdbc
            .query(
                "SELECT level1_member_id, level2_member_id, level3_member_id FROM referral_chains"
                    + " WHERE member_id = ?",
                (rs, i) -> {
                  List<Long> ancestors = new ArrayList<>(3);
                  ancestors.add(rs.getObject("level1_member_id", Long.class));
                  ancestors.add(rs.getObject("level2_member_id", Long.class));
                  ancestors.add(rs.getObject("level3_member_id", Long.class));
                  return ancestors;
                },
                order.memberId())
            .stream()
            .findFirst()
            .orElse(List.of());
    if (chain.isEmpty()) {
      return;
    }
    Optional<RatePlans.RatePlan> plan = plans.applicable(order.campaignId(), order.paidAt());
    if (plan.isEmpty()) {
      return;
    }
    List<Line> lines =
        jdbc.query(
            "SELECT line_no, line_amount FROM order_lines WHERE order_id = ? ORDER BY line_no",
            (rs, i) -> new Line(rs.getInt("line_no"), rs.getBigDecimal("line_amount")),
            event.orderId());
    List<BigDecimal> shares =
        CommissionMath.paidShares(
            lines.stream().map(Line::amount).toList(), order.subtotal(), order.total());
    List<Object[]> rows = new ArrayList<>();
    for (int l = 0; l < lines.size(); l++) {
      for (int level = 1; level <= 3; level++) {
        Long beneficiary = chain.get(level - 1);
        BigDecimal percent = plan.get().percent(level);
        if (beneficiary == null || percent.signum() == 0) {
          continue;
        }
        BigDecimal amount = CommissionMath.commission(shares.get(l), percent);
        if (amount.signum() > 0) {
          rows.add(
              new Object[] {
                event.orderId(),
                lines.get(l).lineNo(),
                level,
                beneficiary,
                order.memberId(),
                plan.get().id(),
                shares.get(l),
                percent,
                amount
              });
        }
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO referral_commissions (order_id, line_no, level, member_id, buyer_member_id,"
            + " rate_plan_id, base_amount, rate_percent, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /**
   * Books a reversal per commission of each line that came back, in proportion to its refund. A
   * commission paid out already is clawed back: its reversal is netted off the next payout.
   */
  @EventListener
  void refunded(OrderRefunded event) {
    for (OrderRefunded.Line line : event.lines()) {
      List<Booked> booked =
          jdbc.query(
              "SELECT id, amount, base_amount, reversed_amount, status, member_id"
                  + " FROM referral_commissions WHERE order_id = ? AND line_no = ?"
                  + " ORDER BY level FOR UPDATE",
              (rs, i) ->
                  new Booked(
                      rs.getLong("id"),
                      rs.getBigDecimal("amount"),
                      rs.getBigDecimal("base_amount"),
                      rs.getBigDecimal("reversed_amount"),
                      rs.getString("status"),
                      rs.getLong("member_id")),
              event.orderId(),
              line.lineNo());
      for (Booked commission : booked) {
        BigDecimal reversal =
            CommissionMath.reversal(
                commission.amount(),
                commission.baseAmount(),
                commission.reversed(),
                line.refund(),
                line.fullyReturned());
        if (reversal.signum() <= 0) {
          continue;
        }
        jdbc.update(
            "INSERT INTO referral_commission_reversals (commission_id, member_id, return_id,"
                + " amount, clawback) VALUES (?, ?, ?, ?, ?)",
            commission.id(),
            commission.memberId(),
            event.returnId(),
            reversal,
            commission.status().equals("paid_out"));
        jdbc.update(
            "UPDATE referral_commissions SET reversed_amount = reversed_amount + ? WHERE id = ?",
            reversal,
            commission.id());
      }
    }
  }

  /**
   * Settles the pending commissions of orders handed over at least the return window before {@code
   * asOf}. Running it again settles nothing twice.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Settlement settle(Instant asOf) {
    int settled =
        jdbc.update(
            "UPDATE referral_commissions c SET status = 'settled', settled_at = now()"
                + " FROM orders o WHERE o.id = c.order_id AND c.status = 'pending'"
                + " AND o.fulfilled_at IS NOT NULL"
                + " AND o.fulfilled_at <= ?::timestamptz - make_interval(days => ?)",
            Timestamp.from(asOf),
            returnWindowDays);
    return new Settlement(asOf.atOffset(ZoneOffset.UTC), returnWindowDays, settled);
  }

  /**
   * Pays every member their settled commissions less every reversal not yet netted (clawbacks of
   * commissions paid before included), when that is positive; otherwise their entries wait for the
   * next run. One run at a time; a second run pays only what became payable since.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  PayoutRun payOut(String createdBy) {
    Locks.exclusive(jdbc, Locks.PAYOUTS, 0);
    long runId =
        jdbc.queryForObject(
            "INSERT INTO referral_payout_runs (created_by) VALUES (?) RETURNING id",
            Long.class,
            createdBy);
    List<Entry> commissions =
        jdbc.query(
            "SELECT id, member_id, amount FROM referral_commissions WHERE status = 'settled'"
                + " ORDER BY id FOR UPDATE",
            (rs, i) ->
                new Entry(rs.getLong("id"), rs.getLong("member_id"), rs.getBigDecimal("amount")),
            new Object[0]);
    List<Entry> reversals =
        jdbc.query(
            "SELECT r.id, r.member_id, r.amount FROM referral_commission_reversals r"
                + " JOIN referral_commissions c ON c.id = r.commission_id"
                + " WHERE r.payout_id IS NULL AND c.status IN ('settled', 'paid_out')"
                + " ORDER BY r.id FOR UPDATE OF r",
            (rs, i) ->
                new Entry(rs.getLong("id"), rs.getLong("member_id"), rs.getBigDecimal("amount")),
            new Object[0]);
    // Per member: settled commissions and reversals to net, in member order of first appearance.
    Map<Long, BigDecimal> settled = new LinkedHashMap<>();
    Map<Long, BigDecimal> netted = new LinkedHashMap<>();
    for (Entry c : commissions) {
      settled.merge(c.memberId(), c.amount(), BigDecimal::add);
      netted.putIfAbsent(c.memberId(), CommissionMath.ZERO);
    }
    for (Entry r : reversals) {
      netted.merge(r.memberId(), r.amount(), BigDecimal::add);
    }
    List<MemberPayout> paid = new ArrayList<>();
    BigDecimal total = CommissionMath.ZERO;
    for (Map.Entry<Long, BigDecimal> member : netted.entrySet()) {
      BigDecimal amount =
          CommissionMath.payout(
              settled.getOrDefault(member.getKey(), CommissionMath.ZERO), member.getValue());
      if (amount.signum() <= 0) {
        continue;
      }
      long memberId = member.getKey();
      long payoutId =
          jdbc.queryForObject(
              "INSERT INTO referral_payouts (run_id, member_id, amount) VALUES (?, ?, ?)"
                  + " RETURNING id",
              Long.class,
              runId,
              memberId,
              amount);
      jdbc.update(
          "UPDATE referral_commission_reversals SET payout_id = ? WHERE id = ANY (?)",
          payoutId,
          ids(reversals, memberId));
      jdbc.update(
          "UPDATE referral_commissions SET status = 'paid_out', payout_id = ? WHERE id = ANY (?)",
          payoutId,
          ids(commissions, memberId));
      paid.add(new MemberPayout(payoutId, memberId, amount));
      total = total.add(amount);
    }
    return new PayoutRun(runId, total, paid);
  }

  private static Long[] ids(List<Entry> entries, long memberId) {
    return entries.stream()
        .filter(e -> e.memberId() == memberId)
        .map(Entry::id)
        .toArray(Long[]::new);
  }
}
