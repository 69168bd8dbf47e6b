package io.chainstore.oltp.booking;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.booking.BookingModels.Booking;
import io.chainstore.oltp.booking.BookingModels.BookingRequest;
import io.chainstore.oltp.booking.BookingModels.RescheduleRequest;
import io.chainstore.oltp.booking.BookingModels.Slot;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/bookings")
@Tag(
    name = "Bookings",
    description =
        "Free slots, bookings of a technician for a service, the store's schedule; no technician"
            + " is ever booked twice at once")
class BookingController {

  private static final String KEY = IdempotentRequests.HEADER;

  private final BookingService bookings;
  private final IdempotentRequests idempotent;

  BookingController(BookingService bookings, IdempotentRequests idempotent) {
    this.bookings = bookings;
    this.idempotent = idempotent;
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/slots")
  @Operation(
      summary =
          "Free starts on a local day of the store for a service SKU (its spec's duration), per"
              + " technician who performs it, or of one technician")
  @ApiResponse(responseCode = "200", description = "The free slots, earliest first")
  List<Slot> freeSlots(
      @RequestParam @Min(1) long storeId,
      @RequestParam @Min(1) long skuId,
      @RequestParam LocalDate day,
      @RequestParam(required = false) @Min(1) Long technicianId) {
    return bookings.slots(storeId, skuId, day, technicianId);
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.STORE_MANAGER, Role.HQ_ADMIN})
  @PostMapping
  @Operation(
      summary =
          "Book a service for a member at a store and time, with a technician or any free one who"
              + " performs it; optionally for the order that pays for it")
  @ApiResponse(responseCode = "201", description = "Booked")
  @ApiResponse(
      responseCode = "409",
      description =
          "The technician is booked then (technicianId), nobody is free then (startsAt), or the"
              + " order is no longer open (orderId)")
  @ApiResponse(
      responseCode = "422",
      description =
          "Unknown store, member, SKU or order; a technician of another store, inactive or without"
              + " the skill; a time in the past or outside working hours")
  ResponseEntity<Booking> createBooking(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody BookingRequest request) {
    return idempotent.run(
        "POST /api/bookings",
        key,
        request,
        HttpStatus.CREATED,
        () -> bookings.book(request, Caller.current()));
  }

  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.STORE_MANAGER, Role.TECHNICIAN, Role.HQ_ADMIN})
  @PostMapping("/{bookingId}/cancel")
  @Operation(
      summary =
          "Cancel a booking up to the cut-off before its start; the order it serves is cancelled"
              + " (released or refunded) with it")
  @ApiResponse(responseCode = "200", description = "Cancelled")
  @ApiResponse(
      responseCode = "409",
      description =
          "Already cancelled (status), within the cut-off (startsAt), or its order was handed"
              + " over (orderId)")
  ResponseEntity<Booking> cancelBooking(
      @RequestHeader(name = KEY, required = false) String key, @PathVariable long bookingId) {
    return idempotent.run(
        "POST /api/bookings/" + bookingId + "/cancel",
        key,
        bookingId,
        HttpStatus.OK,
        () -> bookings.cancel(bookingId, Caller.current()));
  }

  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.STORE_MANAGER, Role.TECHNICIAN, Role.HQ_ADMIN})
  @PostMapping("/{bookingId}/reschedule")
  @Operation(
      summary =
          "Move a booking to another time (and technician) up to the cut-off before its start")
  @ApiResponse(responseCode = "200", description = "Moved")
  @ApiResponse(
      responseCode = "409",
      description =
          "Cancelled (status), within the cut-off (startsAt), or the technician is booked then"
              + " (technicianId)")
  @ApiResponse(
      responseCode = "422",
      description = "A time in the past or outside working hours; an unsuitable technician")
  ResponseEntity<Booking> rescheduleBooking(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable long bookingId,
      @Valid @RequestBody RescheduleRequest request) {
    return idempotent.run(
        "POST /api/bookings/" + bookingId + "/reschedule",
        key,
        request,
        HttpStatus.OK,
        () -> bookings.reschedule(bookingId, request, Caller.current()));
  }

  @AllowedRoles({Role.POS, Role.STORE_MANAGER, Role.TECHNICIAN, Role.HQ_ANALYST, Role.HQ_ADMIN})
  @GetMapping
  @Operation(
      summary =
          "The store's schedule: bookings starting on a local day, optionally of one technician"
              + " (a store-bound key: its own store)")
  List<Booking> schedule(
      @RequestParam @Min(1) long storeId,
      @RequestParam LocalDate day,
      @RequestParam(required = false) @Min(1) Long technicianId) {
    return bookings.schedule(storeId, day, technicianId, Caller.current());
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/{bookingId}")
  @Operation(summary = "A booking (a store-bound key: of its own store)")
  Booking getBooking(@PathVariable long bookingId) {
    return bookings.get(bookingId, Caller.current());
  }
}
