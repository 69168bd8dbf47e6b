package io.chainstore.oltp.coupon;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns, coupon templates and issuing coupons to members (HQ admin); a member's coupons. */
@RestController
@RequestMapping("/api")
@Tag(name = "Coupons and campaigns")
class CouponController {

  record CampaignRequest(
      @NotBlank @Size(max = 64) String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull OffsetDateTime startsAt,
      @NotNull OffsetDateTime endsAt) {}

  record TemplateRequest(
      @NotBlank @Size(max = 64) String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull
          @Pattern(regexp = "amount_off|percent_off", message = "must be amount_off or percent_off")
          String discountType,
      @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amountOff,
      @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
          BigDecimal percentOff,
      @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal maxDiscount,
      @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal minSpend,
      @NotNull @Pattern(regexp = "online|store|all", message = "must be online, store or all")
          String channelScope,
      @NotNull OffsetDateTime validFrom,
      @NotNull OffsetDateTime validTo,
      @Min(1) Integer totalLimit,
      @Min(1) Integer perMemberLimit) {}

  record IssueRequest(
      @NotBlank @Size(max = 100) String batch,
      @NotNull @Size(min = 1, max = 10_000) List<@NotNull @Min(1) Long> memberIds) {}

  record Campaign(long id, String code, String name) {}

  record TemplateCreated(long id, String code) {}

  /** A coupon in a member's wallet, with the terms of its template. */
  record WalletCoupon(
      String code,
      String status,
      String template,
      String name,
      String discountType,
      BigDecimal amountOff,
      BigDecimal percentOff,
      BigDecimal maxDiscount,
      BigDecimal minSpend,
      String channelScope,
      OffsetDateTime validFrom,
      OffsetDateTime validTo) {}

  @Schema(name = "IssuedCoupon")
  record Issued(long memberId, String code, boolean alreadyIssued) {}

  @Schema(name = "SkippedMember")
  record Skipped(long memberId, String reason) {}

  record IssueResult(List<Issued> issued, List<Skipped> skipped) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final JdbcTemplate jdbc;
  private final IdempotentRequests idempotent;

  CouponController(JdbcTemplate jdbc, IdempotentRequests idempotent) {
    this.jdbc = jdbc;
    this.idempotent = idempotent;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/campaigns")
  @Operation(summary = "Create a campaign; HQ admin")
  ResponseEntity<Campaign> createCampaign(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @Valid @RequestBody CampaignRequest request) {
    if (!request.endsAt().isAfter(request.startsAt())) {
      throw ApiException.unprocessable("endsAt", "must be after startsAt");
    }
    return idempotent.run(
        "POST /api/campaigns",
        key,
        request,
        HttpStatus.CREATED,
        () -> {
          if (!jdbc.queryForList("SELECT 1 FROM campaigns WHERE code = ?", request.code())
              .isEmpty()) {
            throw ApiException.conflict("code", "campaign code " + request.code() + " is taken");
          }
          long id =
              jdbc.queryForObject(
                  "INSERT INTO campaigns (code, name, starts_at, ends_at) VALUES (?, ?, ?, ?) RETURNING id",
                  Long.class,
                  request.code(),
                  request.name(),
                  request.startsAt(),
                  request.endsAt());
          return new Campaign(id, request.code(), request.name());
        });
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/campaigns/{campaignId}/coupon-templates")
  @Operation(summary = "Add a coupon template to a campaign; HQ admin")
  ResponseEntity<TemplateCreated> createCouponTemplate(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @PathVariable long campaignId,
      @Valid @RequestBody TemplateRequest request) {
    boolean amount = "amount_off".equals(request.discountType());
    if (amount && request.amountOff() == null) {
      throw ApiException.unprocessable("amountOff", "an amount_off coupon needs amountOff");
    }
    if (!amount && request.percentOff() == null) {
      throw ApiException.unprocessable("percentOff", "a percent_off coupon needs percentOff");
    }
    if (!request.validTo().isAfter(request.validFrom())) {
      throw ApiException.unprocessable("validTo", "must be after validFrom");
    }
    return idempotent.run(
        "POST /api/campaigns/" + campaignId + "/coupon-templates",
        key,
        request,
        HttpStatus.CREATED,
        () -> {
          if (jdbc.queryForList("SELECT 1 FROM campaigns WHERE id = ?", campaignId).isEmpty()) {
            throw ApiException.notFound("campaignId", "no campaign " + campaignId);
          }
          if (!jdbc.queryForList("SELECT 1 FROM coupon_templates WHERE code = ?", request.code())
              .isEmpty()) {
            throw ApiException.conflict("code", "template code " + request.code() + " is taken");
          }
          long id =
              jdbc.queryForObject(
                  "INSERT INTO coupon_templates (campaign_id, code, name, discount_type, amount_off,"
                      + " percent_off, max_discount, min_spend, channel_scope, valid_from, valid_to,"
                      + " total_limit, per_member_limit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " RETURNING id",
                  Long.class,
                  campaignId,
                  request.code(),
                  request.name(),
                  request.discountType(),
                  amount ? request.amountOff() : null,
                  amount ? null : request.percentOff(),
                  request.maxDiscount(),
                  request.minSpend() == null ? BigDecimal.ZERO : request.minSpend(),
                  request.channelScope(),
                  request.validFrom(),
                  request.validTo(),
                  request.totalLimit(),
                  request.perMemberLimit() == null ? 1 : request.perMemberLimit());
          return new TemplateCreated(id, request.code());
        });
  }

  /**
   * Issues one coupon of the template to each member. Repeating a batch issues nothing new (the
   * members' coupons of that batch are returned); limits skip members with the reason.
   */
  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/coupon-templates/{templateId}/issue")
  @Operation(summary = "Issue coupons to members, idempotent per batch; HQ admin")
  ResponseEntity<IssueResult> issueCoupons(
      @PathVariable long templateId, @Valid @RequestBody IssueRequest request) {
    // Idempotent by its batch, so no Idempotency-Key is needed to retry it.
    return idempotent.run(
        "POST /api/coupon-templates/" + templateId + "/issue",
        null,
        request,
        HttpStatus.OK,
        () -> issueAll(templateId, request));
  }

  private IssueResult issueAll(long templateId, IssueRequest request) {
    List<Map<String, Object>> template =
        jdbc.queryForList(
            "SELECT per_member_limit, total_limit, issued_count FROM coupon_templates WHERE id = ? FOR UPDATE",
            templateId);
    if (template.isEmpty()) {
      throw ApiException.notFound("templateId", "no coupon template " + templateId);
    }
    int perMember = ((Number) template.get(0).get("per_member_limit")).intValue();
    Number total = (Number) template.get(0).get("total_limit");
    int count = ((Number) template.get(0).get("issued_count")).intValue();
    List<Issued> issued = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (long member : request.memberIds()) {
      List<String> existing =
          jdbc.queryForList(
              "SELECT code FROM coupons WHERE template_id = ? AND member_id = ? AND batch = ?",
              String.class,
              templateId,
              member,
              request.batch());
      if (!existing.isEmpty()) {
        issued.add(new Issued(member, existing.get(0), true));
        continue;
      }
      if (jdbc.queryForList("SELECT 1 FROM members WHERE id = ?", member).isEmpty()) {
        skipped.add(new Skipped(member, "no such member"));
        continue;
      }
      Integer held =
          jdbc.queryForObject(
              "SELECT count(*) FROM coupons WHERE template_id = ? AND member_id = ?",
              Integer.class,
              templateId,
              member);
      if (held != null && held >= perMember) {
        skipped.add(new Skipped(member, "per-member limit of " + perMember + " reached"));
        continue;
      }
      if (total != null && count >= total.intValue()) {
        skipped.add(new Skipped(member, "total limit of " + total + " reached"));
        continue;
      }
      String code = newCode();
      jdbc.update(
          "INSERT INTO coupons (template_id, member_id, code, status, batch) VALUES (?, ?, ?, 'issued', ?)",
          templateId,
          member,
          code,
          request.batch());
      count++;
      issued.add(new Issued(member, code, false));
    }
    jdbc.update("UPDATE coupon_templates SET issued_count = ? WHERE id = ?", count, templateId);
    return new IssueResult(issued, skipped);
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/members/{memberId}/coupons")
  @Operation(summary = "A member's coupons with their status and terms")
  List<WalletCoupon> memberCoupons(@PathVariable long memberId) {
    if (jdbc.queryForList("SELECT 1 FROM members WHERE id = ?", memberId).isEmpty()) {
      throw ApiException.notFound("memberId", "no member " + memberId);
    }
    return jdbc.query(
        "SELECT c.code, c.status, t.code AS template, t.name, t.discount_type, t.amount_off,"
            + " t.percent_off, t.max_discount, t.min_spend, t.channel_scope, t.valid_from, t.valid_to"
            + " FROM coupons c JOIN coupon_templates t ON t.id = c.template_id"
            + " WHERE c.member_id = ? ORDER BY c.id",
        (rs, i) ->
            new WalletCoupon(
                rs.getString("code"),
                rs.getString("status"),
                rs.getString("template"),
                rs.getString("name"),
                rs.getString("discount_type"),
                rs.getBigDecimal("amount_off"),
                rs.getBigDecimal("percent_off"),
                rs.getBigDecimal("max_discount"),
                rs.getBigDecimal("min_spend"),
                rs.getString("channel_scope"),
                rs.getTimestamp("valid_from").toInstant().atOffset(ZoneOffset.UTC),
                rs.getTimestamp("valid_to").toInstant().atOffset(ZoneOffset.UTC)),
        memberId);
  }

  private static String newCode() {
    StringBuilder code = new StringBuilder("C");
    for (int i = 0; i < 11; i++) {
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }
}
