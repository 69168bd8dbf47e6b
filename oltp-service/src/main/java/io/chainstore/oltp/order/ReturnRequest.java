package io.chainstore.oltp.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Units coming back after fulfilment, at a store (the order's store when omitted). */
public record ReturnRequest(
    @Positive Long storeId, @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines) {

  /** How many units of one order line come back. */
  public record Line(
      @NotNull @Positive Integer lineNo, @NotNull @Positive @Max(10_000) Integer quantity) {}
}
