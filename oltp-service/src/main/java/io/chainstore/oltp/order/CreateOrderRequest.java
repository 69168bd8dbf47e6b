package io.chainstore.oltp.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A basket to check out at a store, on one channel, optionally for a member. An online order may
 * name a warehouse instead of a store as the location that ships it.
 */
public record CreateOrderRequest(
    @Schema(
            description =
                "The store that sells it (POS), holds it for collection (pickup) or ships it"
                    + " (online: a store or a warehouse)")
        @NotNull
        @Min(1)
        Long storeId,
    @NotNull Channel channel,
    @Min(1) Long memberId,
    @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Line> lines,
    @Min(0) @Max(10_000_000) Integer pointsToRedeem,
    @Size(max = 32) String couponCode) {

  /** Without points or coupon. */
  public CreateOrderRequest(Long storeId, Channel channel, Long memberId, List<Line> lines) {
    this(storeId, channel, memberId, lines, null, null);
  }

  int points() {
    return pointsToRedeem == null ? 0 : pointsToRedeem;
  }

  /** One SKU and how many. */
  @Schema(name = "OrderLineRequest")
  public record Line(@NotNull @Min(1) Long skuId, @NotNull @Min(1) @Max(10_000) Integer quantity) {}
}
