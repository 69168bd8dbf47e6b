package io.chainstore.oltp.referral;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Three-level referral commissions: rates, settlement, payouts, what members and HQ see. */
@RestController
@RequestMapping("/api")
@Tag(
    name = "Referral commissions",
    description =
        "A member's referrer chain (three levels, fixed at join), commissions per order line and"
            + " level: pending, settled after the return window, paid out; reversed on returns")
class ReferralController {

  private static final String KEY = IdempotentRequests.HEADER;

  record RatePlanRequest(
      @Schema(description = "Orders that used a coupon of this campaign; none: chain-wide") @Min(1)
          Long campaignId,
      @NotNull @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 2)
          BigDecimal level1Percent,
      @NotNull @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 2)
          BigDecimal level2Percent,
      @NotNull @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 2)
          BigDecimal level3Percent,
      @NotNull OffsetDateTime validFrom,
      @Schema(description = "Exclusive end; none: until a later plan of the same scope starts")
          OffsetDateTime validTo) {}

  record SettlementRequest(
      @Schema(description = "Settle as of this moment (not in the future); none: now")
          OffsetDateTime asOf) {}

  private final RatePlans plans;
  private final CommissionLedger ledger;
  private final ReferralReports reports;
  private final IdempotentRequests idempotent;

  ReferralController(
      RatePlans plans,
      CommissionLedger ledger,
      ReferralReports reports,
      IdempotentRequests idempotent) {
    this.plans = plans;
    this.ledger = ledger;
    this.reports = reports;
    this.idempotent = idempotent;
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/referral/rate-plans")
  @Operation(
      summary =
          "New commission rates per level (at most 50 % together), chain-wide or for a campaign;"
              + " an open-ended plan of the same scope ends where this one starts; HQ admin")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "409", description = "Overlaps another plan of the same scope")
  @ApiResponse(responseCode = "422", description = "No such campaign")
  ResponseEntity<RatePlans.RatePlan> createReferralRatePlan(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody RatePlanRequest request) {
    return idempotent.run(
        "POST /api/referral/rate-plans",
        key,
        request,
        HttpStatus.CREATED,
        () -> plans.create(request, Caller.current().name()));
  }

  @AllowedRoles({Role.HQ_ANALYST, Role.HQ_ADMIN})
  @GetMapping("/referral/rate-plans")
  @Operation(summary = "Commission rate plans, latest start first; HQ")
  List<RatePlans.RatePlan> listReferralRatePlans(
      @RequestParam(required = false) @Min(1) Long campaignId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset) {
    return plans.list(campaignId, limit, offset);
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/referral/settlements")
  @Operation(
      summary =
          "Settle the pending commissions of orders handed over at least the return window"
              + " (chainstore.referral.return-window-days) before asOf; HQ admin")
  @ApiResponse(responseCode = "200", description = "How many commissions were settled")
  @ApiResponse(responseCode = "422", description = "asOf is in the future")
  ResponseEntity<CommissionLedger.Settlement> settleReferralCommissions(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody(required = false) SettlementRequest request) {
    Instant now = Instant.now();
    Instant asOf = request == null || request.asOf() == null ? now : request.asOf().toInstant();
    if (asOf.isAfter(now)) {
      throw ApiException.unprocessable("asOf", "must not be in the future");
    }
    return idempotent.run(
        "POST /api/referral/settlements",
        key,
        request == null ? new SettlementRequest(null) : request,
        HttpStatus.OK,
        () -> ledger.settle(asOf));
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/referral/payouts")
  @Operation(
      summary =
          "A payout run: each member gets their settled commissions less reversals not yet"
              + " netted (clawbacks included), when positive; HQ admin")
  @ApiResponse(responseCode = "201", description = "The run and what it paid each member")
  ResponseEntity<CommissionLedger.PayoutRun> runReferralPayout(
      @RequestHeader(name = KEY, required = false) String key) {
    return idempotent.run(
        "POST /api/referral/payouts",
        key,
        "payout",
        HttpStatus.CREATED,
        () -> ledger.payOut(Caller.current().name()));
  }

  @AllowedRoles({Role.HQ_ANALYST, Role.HQ_ADMIN})
  @GetMapping("/referral/liabilities")
  @Operation(
      summary =
          "What HQ owes in commissions: pending and settled not paid, less open clawbacks, per"
              + " member and in total; HQ")
  ReferralReports.Liabilities referralLiabilities(
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset) {
    return reports.liabilities(limit, offset);
  }

  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.HQ_ANALYST, Role.HQ_ADMIN})
  @GetMapping("/members/{memberId}/referral")
  @Operation(
      summary =
          "A member's referral code, referrer, downline per level and commissions by status"
              + " (storefront, POS, HQ)")
  @ApiResponse(responseCode = "200", description = "The summary")
  @ApiResponse(responseCode = "404", description = "No such member")
  ReferralReports.ReferralSummary memberReferral(@PathVariable @Min(1) long memberId) {
    return reports.summary(memberId);
  }
}
