package io.chainstore.oltp.referral;

import io.chainstore.oltp.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrer chains, fixed when a member joins. A member's referral code is their member code. The
 * chain is copied from the referrer's own (its first two levels become levels 2 and 3), so it never
 * changes afterwards and there is no other way to set a referrer: a cycle cannot arise (the
 * database also requires every ancestor to be an older member).
 */
@Service
public class ReferralChains {

  private final JdbcTemplate jdbc;

  ReferralChains(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Fixes the chain of a member who joins now with {@code referrerCode}: 422 naming {@code field}
   * for an unknown code or the member's own.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void attach(long memberId, String referrerCode, String field) {
    List<Long> referrer =
        jdbc.queryForList("SELECT id FROM members WHERE code = ?", Long.class, referrerCode);
    if (referrer.isEmpty()) {
      throw ApiException.unprocessable(field, "no member has the code " + referrerCode);
    }
    if (referrer.get(0) == memberId) {
      throw ApiException.unprocessable(field, "a member cannot refer themselves");
    }
    jdbc.update(
        "INSERT INTO referral_chains (member_id, level1_member_id, level2_member_id,"
            + " level3_member_id) SELECT ?, m.id, c.level1_member_id, c.level2_member_id"
            + " FROM members m LEFT JOIN referral_chains c ON c.member_id = m.id WHERE m.id = ?",
        memberId,
        referrer.get(0));
  }
}
