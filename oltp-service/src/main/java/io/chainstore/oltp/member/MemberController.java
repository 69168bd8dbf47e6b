package io.chainstore.oltp.member;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.referral.ReferralChains;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One membership across channels: join, look up at the till, see points and levels. */
@RestController
@RequestMapping("/api")
@Tag(name = "Members")
class MemberController {

  record JoinRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank
          @Pattern(
              regexp = "\\+?[0-9]{6,15}",
              message = "must be 6 to 15 digits, optionally after +")
          String phone,
      @Schema(description = "Optional; exports mask it")
          @Email
          @Pattern(regexp = "[^@\\s]+@[^@\\s]+", message = "must be an e-mail address")
          @Size(max = 254)
          String email,
      @Schema(
              description =
                  "The store where the member joins at the till (HQ admin only; a POS terminal"
                      + " always joins members at its own store, a storefront online)")
          @Min(1)
          Long storeId,
      @Schema(
              description =
                  "The member code of the member who referred this one: their referrer chain"
                      + " (three levels) is fixed now and never changes")
          @Pattern(regexp = "M[0-9]{9}", message = "must be M and 9 digits")
          String referrerCode) {}

  record Member(
      long id,
      String code,
      String name,
      String phone,
      String email,
      String level,
      int pointsBalance,
      BigDecimal lifetimeSpend,
      @Schema(description = "Where the member joined: pos (at storeId) or online") String channel,
      Long storeId) {}

  @Schema(name = "MemberLevel")
  record Level(
      String code,
      String name,
      BigDecimal discountPercent,
      BigDecimal pointsPerCurrencyUnit,
      BigDecimal upgradeSpend) {}

  record PointsEntry(
      long id, int change, int balanceAfter, String reason, Long orderId, OffsetDateTime at) {}

  private static final RowMapper<Member> MEMBER =
      (rs, i) ->
          new Member(
              rs.getLong("id"),
              rs.getString("code"),
              rs.getString("name"),
              rs.getString("phone"),
              rs.getString("email"),
              rs.getString("level_code"),
              rs.getInt("points_balance"),
              rs.getBigDecimal("lifetime_spend"),
              rs.getString("channel"),
              rs.getObject("store_id", Long.class));

  private final JdbcTemplate jdbc;
  private final IdempotentRequests idempotent;
  private final Locations locations;
  private final ReferralChains referrals;

  MemberController(
      JdbcTemplate jdbc,
      IdempotentRequests idempotent,
      Locations locations,
      ReferralChains referrals) {
    this.jdbc = jdbc;
    this.idempotent = idempotent;
    this.locations = locations;
    this.referrals = referrals;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.HQ_ADMIN})
  @PostMapping("/members")
  @Operation(
      summary =
          "Join: a new member at the lowest level, optionally referred by another member's code"
              + " (storefront, POS, HQ admin)")
  ResponseEntity<Member> joinMembership(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @Valid @RequestBody JoinRequest request) {
    return idempotent.run(
        "POST /api/members",
        key,
        request,
        HttpStatus.CREATED,
        () -> {
          if (!jdbc.queryForList("SELECT 1 FROM members WHERE phone = ?", request.phone())
              .isEmpty()) {
            throw ApiException.conflict("phone", "a member with this phone exists");
          }
          Long store = joinedAt(Caller.current(), request.storeId());
          long id =
              jdbc.queryForObject(
                  "INSERT INTO members (name, phone, email, store_id, channel)"
                      + " VALUES (?, ?, ?, ?, ?) RETURNING id",
                  Long.class,
                  request.name(),
                  request.phone(),
                  request.email(),
                  store,
                  store == null ? "online" : "pos");
          if (request.referrerCode() != null) {
            referrals.attach(id, request.referrerCode(), "referrerCode");
          }
          return jdbc.queryForObject("SELECT * FROM members WHERE id = ?", MEMBER, id);
        });
  }

  /**
   * The store a member joins at: a till's own store; a storefront's members join online (none); an
   * HQ admin names the store or none.
   */
  private Long joinedAt(Caller caller, Long requested) {
    if (caller.role() == Role.STOREFRONT) {
      if (requested != null) {
        throw new ApiException(
            HttpStatus.FORBIDDEN, "storeId", "a storefront's members join online, at no store");
      }
      return null;
    }
    Long store = caller.scope(requested, "storeId");
    if (store != null && !locations.isStore(store)) {
      throw ApiException.unprocessable("storeId", "no store " + store);
    }
    return store;
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/members/{memberId}")
  @Operation(summary = "A member with level, points and lifetime spend")
  Member getMember(@PathVariable long memberId) {
    List<Member> found = jdbc.query("SELECT * FROM members WHERE id = ?", MEMBER, memberId);
    if (found.isEmpty()) {
      throw ApiException.notFound("memberId", "no member " + memberId);
    }
    return found.get(0);
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/members")
  @Operation(summary = "Identify a member by phone or member code (at the till or online)")
  Member findMember(
      @RequestParam(required = false)
          @Pattern(regexp = "\\+?[0-9]{6,15}", message = "must be 6 to 15 digits")
          String phone,
      @RequestParam(required = false)
          @Pattern(regexp = "M[0-9]{9}", message = "must be M and 9 digits")
          String code) {
    if ((phone == null) == (code == null)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          phone == null ? "phone" : "code",
          "give phone or code, one of them");
    }
    List<Member> found =
        phone != null
            ? jdbc.query("SELECT * FROM members WHERE phone = ?", MEMBER, phone)
            : jdbc.query("SELECT * FROM members WHERE code = ?", MEMBER, code);
    if (found.isEmpty()) {
      throw ApiException.notFound(phone != null ? "phone" : "code", "no such member");
    }
    return found.get(0);
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/members/{memberId}/points")
  @Operation(summary = "The member's points ledger, newest first")
  List<PointsEntry> memberPoints(
      @PathVariable long memberId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    getMember(memberId);
    return jdbc.query(
        "SELECT * FROM points_ledger WHERE member_id = ? ORDER BY id DESC LIMIT ?",
        (rs, i) ->
            new PointsEntry(
                rs.getLong("id"),
                rs.getInt("change"),
                rs.getInt("balance_after"),
                rs.getString("reason"),
                rs.getObject("order_id", Long.class),
                rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC)),
        memberId,
        limit);
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/member-levels")
  @Operation(summary = "Member levels with their discount, points rate and upgrade threshold")
  List<Level> memberLevels() {
    return jdbc.query(
        "SELECT * FROM member_levels ORDER BY upgrade_spend",
        (rs, i) ->
            new Level(
                rs.getString("code"),
                rs.getString("name"),
                rs.getBigDecimal("discount_percent"),
                rs.getBigDecimal("points_per_currency_unit"),
                rs.getBigDecimal("upgrade_spend")));
  }
}
