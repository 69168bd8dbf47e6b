package io.chainstore.oltp.referral;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commission rates per level: chain-wide, or for orders that used a coupon of a campaign (which
 * then take precedence), each valid for a window of time.
 */
@Service
class RatePlans {

  static final BigDecimal MAX_TOTAL_PERCENT = new BigDecimal("50");

  record RatePlan(
      long id,
      Long campaignId,
      BigDecimal level1Percent,
      BigDecimal level2Percent,
      BigDecimal level3Percent,
      OffsetDateTime validFrom,
      OffsetDateTime validTo,
      String createdBy) {

    BigDecimal percent(int level) {
      return switch (level) {
        case 1 -> level1Percent;
        case 2 -> level2Percent;
        default -> level3Percent;
      };
    }
  }

  private final JdbcTemplate jdbc;

  RatePlans(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new plan. An open-ended plan of the same scope that started earlier ends where the new one
   * starts (that is how rates change); any other overlap is refused (409 validFrom).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  RatePlan create(ReferralController.RatePlanRequest request, String createdBy) {
    BigDecimal total =
        request.level1Percent().add(request.level2Percent()).add(request.level3Percent());
    if (total.compareTo(MAX_TOTAL_PERCENT) > 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "level1Percent",
          "the three levels add up to " + total.toPlainString() + " %, more than 50 %");
    }
    if (request.validTo() != null && !request.validTo().isAfter(request.validFrom())) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "validTo", "must be after validFrom");
    }
    long scope = request.campaignId() == null ? 0 : request.campaignId();
    if (request.campaignId() != null
        && jdbc.queryForList("SELECT 1 FROM campaigns WHERE id = ?", scope).isEmpty()) {
      throw ApiException.unprocessable("campaignId", "no campaign " + scope);
    }
    // Plans of one scope are created one at a time, so the overlap check below sees them all.
    Locks.exclusive(jdbc, Locks.RATE_PLANS, scope);
    Timestamp from = Timestamp.from(request.validFrom().toInstant());
    Timestamp to = request.validTo() == null ? null : Timestamp.from(request.validTo().toInstant());
    jdbc.update(
        "UPDATE referral_rate_plans SET valid_to = ? WHERE coalesce(campaign_id, 0) = ?"
            + " AND valid_to IS NULL AND valid_from < ?",
        from,
        scope,
        from);
    if (!jdbc.queryForList(
            "SELECT 1 FROM referral_rate_plans WHERE coalesce(campaign_id, 0) = ?"
                + " AND tstzrange(valid_from, valid_to) && tstzrange(?::timestamptz, ?::timestamptz)",
            scope,
            from,
            to)
        .isEmpty()) {
      throw ApiException.conflict(
          "validFrom", "another plan of this scope is valid in part of this window");
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO referral_rate_plans (campaign_id, level1_percent, level2_percent,"
                + " level3_percent, valid_from, valid_to, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id",
            Long.class,
            request.campaignId(),
            request.level1Percent(),
            request.level2Percent(),
            request.level3Percent(),
            from,
            to,
            createdBy);
    return jdbc.queryForObject(
        "SELECT * FROM referral_rate_plans WHERE id = ?", RatePlans::row, id);
  }

  List<RatePlan> list(Long campaignId, int limit, int offset) {
    return campaignId == null
        ? jdbc.query(
            "SELECT * FROM referral_rate_plans ORDER BY valid_from DESC, id DESC LIMIT ? OFFSET ?",
            RatePlans::row,
            limit,
            offset)
        : jdbc.query(
            "SELECT * FROM referral_rate_plans WHERE campaign_id = ?"
                + " ORDER BY valid_from DESC, id DESC LIMIT ? OFFSET ?",
            RatePlans::row,
            campaignId,
            limit,
            offset);
  }

  /**
   * The plan for an order paid at {@code at}: its campaign's if it has one then, else the chain's.
   */
  Optional<RatePlan> applicable(Long campaignId, Timestamp at) {
    return jdbc
        .query(
            "SELECT * FROM referral_rate_plans WHERE (campaign_id = ? OR campaign_id IS NULL)"
                + " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
                + " ORDER BY campaign_id NULLS LAST LIMIT 1",
            RatePlans::row,
            campaignId,
            at,
            at)
        .stream()
        .findFirst();
  }

  private static RatePlan row(ResultSet rs, int i) throws SQLException {
    return new RatePlan(
        rs.getLong("id"),
        rs.getObject("campaign_id", Long.class),
        rs.getBigDecimal("level1_percent"),
        rs.getBigDecimal("level2_percent"),
        rs.getBigDecimal("level3_percent"),
        utc(rs.getTimestamp("valid_from")),
        utc(rs.getTimestamp("valid_to")),
        rs.getString("created_by"));
  }

  static OffsetDateTime utc(Timestamp ts) {
    return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
  }
}
