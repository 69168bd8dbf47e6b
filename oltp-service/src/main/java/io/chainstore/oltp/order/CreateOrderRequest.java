package io.chainstore.oltp.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A basket to check out at a store, on one channel, optionally for a member. */
public record CreateOrderRequest(
    @NotNull @Positive Long storeId,
    @NotNull Channel channel,
    @Positive Long memberId,
    @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines,
    @PositiveOrZero @Max(10_000_000) Integer pointsToRedeem,
    @Size(max = 32) String couponCode) {

  /** Without points or coupon. */
  public CreateOrderRequest(Long storeId, Channel channel, Long memberId, List<Line> lines) {
    this(storeId, channel, memberId, lines, null, null);
  }

  int points() {
    return pointsToRedeem == null ? 0 : pointsToRedeem;
  }

  /** One SKU and how many. */
  public record Line(
      @NotNull @Positive Long skuId, @NotNull @Positive @Max(10_000) Integer quantity) {}
}
