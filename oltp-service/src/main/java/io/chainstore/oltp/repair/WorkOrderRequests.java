package io.chainstore.oltp.repair;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** What clients send to open a work order, change its quote and confirm it. */
final class WorkOrderRequests {

  private WorkOrderRequests() {}

  /** Opened by a technician at the technician's store, optionally for a member. */
  @Schema(name = "OpenWorkOrderRequest")
  record Open(@Min(1) Long memberId, @Size(max = 500) String description) {}

  @Schema(name = "AddWorkOrderLinesRequest")
  record AddLines(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Line> lines) {}

  /**
   * A part names {@code skuId} and {@code quantity} only; labour names {@code description} and
   * either {@code amount} or {@code hours} with {@code rate}.
   */
  @Schema(name = "WorkOrderLineRequest")
  record Line(
      @NotNull @Pattern(regexp = "part|labour", message = "must be part or labour") String kind,
      @Min(1) Long skuId,
      @Min(1) @Max(10_000) Integer quantity,
      @Size(min = 1, max = 200) String description,
      @DecimalMin("0.00") @DecimalMax("1000000.00") @Digits(integer = 7, fraction = 2)
          BigDecimal amount,
      @DecimalMin("0.01") @DecimalMax("1000.00") @Digits(integer = 4, fraction = 2)
          BigDecimal hours,
      @DecimalMin("0.00") @DecimalMax("100000.00") @Digits(integer = 6, fraction = 2)
          BigDecimal rate) {}

  @Schema(name = "ConfirmWorkOrderRequest")
  record Confirm(
      @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be six digits") String code) {}
}
