package io.chainstore.oltp.booking;

import io.chainstore.oltp.catalog.ServiceSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** Bookings' requests and responses. */
final class BookingModels {

  private BookingModels() {}

  record BookingRequest(
      @NotNull @Min(1) Long storeId,
      @Schema(
              description =
                  "A SKU of a service with its spec; its duration is the booking's length")
          @NotNull
          @Min(1)
          Long skuId,
      @NotNull @Min(1) Long memberId,
      @Schema(description = "When the service starts (with offset)") @NotNull
          OffsetDateTime startsAt,
      @Schema(description = "Left out: any free technician of the store who performs the service")
          @Min(1)
          Long technicianId,
      @Schema(
              description =
                  "The order that pays for it: of the same store and member, created or paid, with a"
                      + " line of this SKU not booked yet")
          @Min(1)
          Long orderId) {}

  record RescheduleRequest(
      @NotNull OffsetDateTime startsAt,
      @Schema(description = "Left out: the same technician") @Min(1) Long technicianId) {}

  record Booking(
      long id,
      long storeId,
      long technicianId,
      long skuId,
      ServiceSpec spec,
      long memberId,
      Long orderId,
      Integer orderLineNo,
      @Schema(description = "In the store's local offset") OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      @Schema(allowableValues = {"booked", "cancelled"}) String status,
      OffsetDateTime createdAt,
      OffsetDateTime cancelledAt) {}

  /** A free start for one technician; times in the store's local offset. */
  record Slot(
      long technicianId, String technicianName, OffsetDateTime startsAt, OffsetDateTime endsAt) {}
}
