package io.chainstore.oltp.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Units coming back after fulfilment, at a store (the order's store when omitted). */
public record ReturnRequest(
    @Min(1) Long storeId, @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Line> lines) {

  /** How many units of one order line come back. */
  @Schema(name = "ReturnLineRequest")
  public record Line(
      @NotNull @Min(1) Integer lineNo, @NotNull @Min(1) @Max(10_000) Integer quantity) {}
}
