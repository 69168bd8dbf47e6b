package io.chainstore.oltp.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The tenders of a payment, which must add up to the order's total. Without a body the order is
 * paid in one tender: {@code online} for storefront channels, {@code card} at the till.
 */
public record PayRequest(@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Tender> payments) {

  /** One tender; cash may carry what the customer handed over, for the change. */
  @Schema(name = "TenderRequest")
  public record Tender(
      @NotNull
          @Pattern(
              regexp = "cash|card|mobile|online",
              message = "must be cash, card, mobile or online")
          String method,
      @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
      @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal tendered,
      @Size(max = 100) String reference) {}
}
