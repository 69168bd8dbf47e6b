package io.chainstore.oltp.referral;

import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What members see of their referrals and what HQ owes: read-only. */
@Service
class ReferralReports {

  record Downline(long level1, long level2, long level3) {}

  @Schema(description = "Commission amounts, each net of what returns took back")
  record Commissions(
      @Schema(description = "Booked, the return window still open") BigDecimal pending,
      @Schema(description = "Settled, not yet paid out") BigDecimal settled,
      @Schema(description = "Paid out so far (sum of payouts)") BigDecimal paidOut,
      @Schema(
              description =
                  "Reversals of commissions already paid out, to be netted off the next payouts")
          BigDecimal clawbackOpen,
      @Schema(
              description =
                  "What the next payout would pay: settled - clawbackOpen (negative: the member owes it)")
          BigDecimal due) {}

  record ReferralSummary(
      long memberId,
      @Schema(description = "The code others join with: the member code") String referralCode,
      @Schema(description = "The member who referred this one (level 1), if any") Long referrerId,
      Downline downline,
      Commissions commissions) {}

  record MemberLiability(
      long memberId,
      BigDecimal pending,
      BigDecimal settled,
      BigDecimal clawbackOpen,
      BigDecimal due) {}

  record Liabilities(
      @Schema(description = "Sum over every member: pending") BigDecimal pending,
      @Schema(description = "Sum over every member: settled, not yet paid") BigDecimal settled,
      @Schema(description = "Sum over every member: open clawbacks") BigDecimal clawbackOpen,
      @Schema(description = "pending + settled - clawbackOpen") BigDecimal total,
      @Schema(description = "Members with anything outstanding, by memberId (this page)")
          List<MemberLiability> members) {}

  /** Per member: pending and settled net of reversals, open clawbacks. */
  private static final String OUTSTANDING =
      """
      WITH c AS (
        SELECT member_id,
               sum(amount - reversed_amount) FILTER (WHERE status = 'pending') AS pending,
               sum(amount - reversed_amount) FILTER (WHERE status = 'settled') AS settled
        FROM referral_commissions WHERE status <> 'paid_out' GROUP BY member_id),
      r AS (
        SELECT r.member_id, sum(r.amount) AS clawback_open
        FROM referral_commission_reversals r
        JOIN referral_commissions k ON k.id = r.commission_id
        WHERE r.payout_id IS NULL AND k.status = 'paid_out' GROUP BY r.member_id)
      SELECT coalesce(c.member_id, r.member_id) AS member_id,
             coalesce(c.pending, 0) AS pending, coalesce(c.settled, 0) AS settled,
             coalesce(r.clawback_open, 0) AS clawback_open
      FROM c FULL JOIN r ON r.member_id = c.member_id
      """;

  private final JdbcTemplate jdbc;

  ReferralReports(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  ReferralSummary summary(long memberId) {
    List<String> code =
        jdbc.queryForList("SELECT code FROM members WHERE id = ?", String.class, memberId);
    if (code.isEmpty()) {
      throw ApiException.notFound("memberId", "no member " + memberId);
    }
    Long referrer =
        jdbc
            .queryForList(
                "SELECT level1_member_id FROM referral_chains WHERE member_id = ?",
                Long.class,
                memberId)
            .stream()
            .findFirst()
            .orElse(null);
    Downline downline =
        jdbc.queryForObject(
            "SELECT count(*) FILTER (WHERE level1_member_id = ?) AS l1,"
                + " count(*) FILTER (WHERE level2_member_id = ?) AS l2,"
                + " count(*) FILTER (WHERE level3_member_id = ?) AS l3 FROM referral_chains"
                + " WHERE level1_member_id = ? OR level2_member_id = ? OR level3_member_id = ?",
            (rs, i) -> new Downline(rs.getLong("l1"), rs.getLong("l2"), rs.getLong("l3")),
            memberId,
            memberId,
            memberId,
            memberId,
            memberId,
            memberId);
    MemberLiability outstanding =
        jdbc
            .query(
                "SELECT * FROM (" + OUTSTANDING + ") o WHERE member_id = ?",
                (rs, i) ->
                    liability(
                        rs.getLong("member_id"),
                        rs.getBigDecimal("pending"),
                        rs.getBigDecimal("settled"),
                        rs.getBigDecimal("clawback_open")),
                memberId)
            .stream()
            .findFirst()
            .orElse(liability(memberId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    BigDecimal paidOut =
        jdbc.queryForObject(
            "SELECT coalesce(sum(amount), 0) FROM referral_payouts WHERE member_id = ?",
            BigDecimal.class,
            memberId);
    return new ReferralSummary(
        memberId,
        code.get(0),
        referrer,
        downline,
        new Commissions(
            outstanding.pending(),
            outstanding.settled(),
            cents(paidOut),
            outstanding.clawbackOpen(),
            outstanding.due()));
  }

  @Transactional(readOnly = true)
  Liabilities liabilities(int limit, int offset) {
    Map<String, Object> totals =
        jdbc.queryForMap(
            "SELECT coalesce(sum(pending), 0) AS pending, coalesce(sum(settled), 0) AS settled,"
                + " coalesce(sum(clawback_open), 0) AS clawback_open FROM ("
                + OUTSTANDING
                + ") o");
    List<MemberLiability> members =
        jdbc.query(
            "SELECT * FROM ("
                + OUTSTANDING
                + ") o WHERE pending <> 0 OR settled <> 0 OR clawback_open <> 0"
                + " ORDER BY member_id LIMIT ? OFFSET ?",
            (rs, i) ->
                liability(
                    rs.getLong("member_id"),
                    rs.getBigDecimal("pending"),
                    rs.getBigDecimal("settled"),
                    rs.getBigDecimal("clawback_open")),
            limit,
            offset);
    BigDecimal pending = cents((BigDecimal) totals.get("pending"));
    BigDecimal settled = cents((BigDecimal) totals.get("settled"));
    BigDecimal clawback = cents((BigDecimal) totals.get("clawback_open"));
    return new Liabilities(
        pending, settled, clawback, pending.add(settled).subtract(clawback), members);
  }

  private static MemberLiability liability(
      long memberId, BigDecimal pending, BigDecimal settled, BigDecimal clawback) {
    return new MemberLiability(
        memberId,
        cents(pending),
        cents(settled),
        cents(clawback),
        cents(settled.subtract(clawback)));
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }
}
