package io.chainstore.oltp.booking;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.booking.BookingModels.Booking;
import io.chainstore.oltp.booking.BookingModels.BookingRequest;
import io.chainstore.oltp.booking.BookingModels.RescheduleRequest;
import io.chainstore.oltp.booking.BookingModels.Slot;
import io.chainstore.oltp.catalog.ServiceSpec;
import io.chainstore.oltp.order.OrderCancellation;
import io.chainstore.oltp.order.OrderCancelled;
import io.chainstore.oltp.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of a technician's time for a service. Java checks the rules a client should hear about
 * by name (hours, skill, cut-off); the exclusion constraint {@code bookings_no_overlap} is what
 * keeps two live bookings of one technician from overlapping, whatever races happen.
 */
@Service
class BookingService {

  private final JdbcTemplate jdbc;
  private final Technicians technicians;
  private final OrderCancellation orderCancellation;
  private final CutOff cutOff;
  private final Duration step;
  private final Clock clock;

  BookingService(
      JdbcTemplate jdbc,
      Technicians technicians,
      OrderCancellation orderCancellation,
      @Value("${chainstore.booking-cutoff-minutes:120}") int cutOffMinutes,
      @Value("${chainstore.booking-slot-minutes:15}") int slotMinutes) {
    this.jdbc = jdbc;
    this.technicians = technicians;
    this.orderCancellation = orderCancellation;
    this.cutOff = new CutOff(Duration.ofMinutes(cutOffMinutes));
    this.step = Duration.ofMinutes(slotMinutes);
    this.clock = Clock.systemUTC();
  }

  /** A service combination that can be booked: its product and how long it lasts. */
  private record Bookable(long productId, int durationMinutes, ServiceSpec spec) {}

  /** A technician who could do the job. */
  private record Candidate(long id, String name) {}

  // ---- slots -----------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  List<Slot> slots(long storeId, long skuId, LocalDate day, Long technicianId) {
    ZoneId zone = storeZone(storeId, HttpStatus.NOT_FOUND);
    Bookable bookable = bookable(skuId, HttpStatus.NOT_FOUND);
    List<Candidate> candidates = candidates(storeId, bookable.productId(), technicianId);
    if (technicianId != null && candidates.isEmpty()) {
      throw ApiException.notFound(
          "technicianId",
          "no active technician " + technicianId + " of store " + storeId + " performs it");
    }
    Map<Long, List<WorkingHours.Span>> hours = hoursOf(candidates);
    // A day and its neighbours: bookings of the evening before may reach into it.
    Instant from = day.minusDays(1).atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(2).atStartOfDay(zone).toInstant();
    Map<Long, List<WorkingHours.Interval>> booked = bookedOf(candidates, from, to, null);
    Duration length = Duration.ofMinutes(bookable.durationMinutes());
    Instant now = clock.instant();
    List<Slot> out = new ArrayList<>();
    for (Candidate c : candidates) {
      for (Instant start :
          Slots.free(
              day,
              zone,
              hours.getOrDefault(c.id(), List.of()),
              booked.getOrDefault(c.id(), List.of()),
              length,
              step,
              now)) {
        out.add(new Slot(c.id(), c.name(), local(start, zone), local(start.plus(length), zone)));
      }
    }
    out.sort(
        Comparator.comparing((Slot s) -> s.startsAt().toInstant())
            .thenComparingLong(Slot::technicianId));
    return out;
  }

  // ---- booking ---------------------------------------------------------------------------------

  @Transactional(propagation = Propagation.MANDATORY)
  Booking book(BookingRequest request, Caller caller) {
    caller.requireStore(request.storeId(), "storeId");
    ZoneId zone = storeZone(request.storeId(), HttpStatus.UNPROCESSABLE_ENTITY);
    Bookable bookable = bookable(request.skuId(), HttpStatus.UNPROCESSABLE_ENTITY);
    if (jdbc.queryForList("SELECT 1 FROM members WHERE id = ?", request.memberId()).isEmpty()) {
      throw ApiException.unprocessable("memberId", "no member " + request.memberId());
    }
    Instant start = request.startsAt().toInstant();
    Instant end = start.plus(Duration.ofMinutes(bookable.durationMinutes()));
    if (!start.isAfter(clock.instant())) {
      throw ApiException.unprocessable("startsAt", "must be in the future");
    }
    Integer lineNo = null;
    if (request.orderId() != null) {
      lineNo = orderLineFor(request, caller);
    }
    long technician;
    if (request.technicianId() != null) {
      technician = request.technicianId();
      requireAvailable(request.storeId(), bookable, technician, zone, start, end, null);
    } else {
      technician = anyFree(request.storeId(), bookable, zone, start, end);
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO bookings (store_id, technician_id, sku_id, duration_minutes, member_id,"
                + " order_id, order_line_no, starts_at, ends_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            Long.class,
            request.storeId(),
            technician,
            request.skuId(),
            bookable.durationMinutes(),
            request.memberId(),
            request.orderId(),
            lineNo,
            utc(start),
            utc(end));
    return load(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Booking cancel(long bookingId, Caller caller) {
    Booking booking = lockForChange(bookingId, caller);
    requireChangeable(booking);
    if (booking.orderId() != null) {
      String status =
          jdbc.queryForObject(
              "SELECT status FROM orders WHERE id = ?", String.class, booking.orderId());
      if (status.equals("created") || status.equals("paid")) {
        // The order goes with its booking, by the order's rules (released or refunded); its
        // cancellation cancels this booking too (OrderCancelled).
        orderCancellation.cancel(booking.orderId());
        return load(bookingId);
      }
      if (!status.equals("cancelled")) {
        throw ApiException.conflict(
            "orderId",
            "order " + booking.orderId() + " is " + status + "; it cannot be cancelled any more");
      }
    }
    jdbc.update(
        "UPDATE bookings SET status = 'cancelled', cancelled_at = now(), updated_at = now()"
            + " WHERE id = ? AND status = 'booked'",
        bookingId);
    return load(bookingId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Booking reschedule(long bookingId, RescheduleRequest request, Caller caller) {
    Booking booking = lockForChange(bookingId, caller);
    requireChangeable(booking);
    ZoneId zone = storeZone(booking.storeId(), HttpStatus.UNPROCESSABLE_ENTITY);
    Bookable bookable = bookable(booking.skuId(), HttpStatus.UNPROCESSABLE_ENTITY);
    Instant start = request.startsAt().toInstant();
    Instant end = start.plus(Duration.ofMinutes(bookable.durationMinutes()));
    if (!start.isAfter(clock.instant())) {
      throw ApiException.unprocessable("startsAt", "must be in the future");
    }
    long technician =
        request.technicianId() == null ? booking.technicianId() : request.technicianId();
    requireAvailable(booking.storeId(), bookable, technician, zone, start, end, bookingId);
    jdbc.update(
        "UPDATE bookings SET technician_id = ?, starts_at = ?, ends_at = ?, updated_at = now()"
            + " WHERE id = ?",
        technician,
        utc(start),
        utc(end),
        bookingId);
    return load(bookingId);
  }

  /** A cancelled order takes its live bookings with it, in its own transaction. */
  @EventListener
  void orderCancelled(OrderCancelled event) {
    jdbc.update(
        "UPDATE bookings SET status = 'cancelled', cancelled_at = now(), updated_at = now()"
            + " WHERE order_id = ? AND status = 'booked'",
        event.orderId());
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** The store's bookings starting on a local day, optionally of one technician. */
  @Transactional(readOnly = true)
  List<Booking> schedule(long storeId, LocalDate day, Long technicianId, Caller caller) {
    caller.requireStore(storeId, "storeId");
    ZoneId zone = storeZone(storeId, HttpStatus.NOT_FOUND);
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM bookings WHERE store_id = ? AND starts_at >= ? AND starts_at < ?"
                + " AND (?::bigint IS NULL OR technician_id = ?) ORDER BY starts_at, technician_id, id",
            Long.class,
            storeId,
            utc(day.atStartOfDay(zone).toInstant()),
            utc(day.plusDays(1).atStartOfDay(zone).toInstant()),
            technicianId,
            technicianId);
    return ids.stream().map(this::load).toList();
  }

  @Transactional(readOnly = true)
  Booking get(long bookingId, Caller caller) {
    Booking booking = load(bookingId);
    caller.requireStore(booking.storeId(), "bookingId");
    return booking;
  }

  // ---- rules -----------------------------------------------------------------------------------

  /**
   * The technician is of the store, active, performs the service, works then and is free then
   * (bookings other than {@code except}); else 422 or 409 naming the field.
   */
  private void requireAvailable(
      long storeId,
      Bookable bookable,
      long technician,
      ZoneId zone,
      Instant start,
      Instant end,
      Long except) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT t.store_id, t.active, EXISTS (SELECT 1 FROM technician_skills s"
                + " WHERE s.technician_id = t.id AND s.product_id = ?) AS skilled"
                + " FROM technicians t WHERE t.id = ?",
            bookable.productId(),
            technician);
    if (rows.isEmpty() || ((Number) rows.get(0).get("store_id")).longValue() != storeId) {
      throw ApiException.unprocessable(
          "technicianId", "no technician " + technician + " at store " + storeId);
    }
    if (!(Boolean) rows.get(0).get("active")) {
      throw ApiException.unprocessable("technicianId", "technician " + technician + " is inactive");
    }
    if (!(Boolean) rows.get(0).get("skilled")) {
      throw ApiException.unprocessable(
          "technicianId", "technician " + technician + " does not perform this service");
    }
    if (!WorkingHours.covers(technicians.hours(technician), zone, start, end)) {
      throw ApiException.unprocessable(
          "startsAt", "technician " + technician + " does not work all of that time");
    }
    if (busy(technician, start, end, except)) {
      throw ApiException.conflict(
          "technicianId", "technician " + technician + " is booked at that time");
    }
  }

  /** The first technician (by id) of the store who performs the service and is free then. */
  private long anyFree(long storeId, Bookable bookable, ZoneId zone, Instant start, Instant end) {
    List<Candidate> candidates = candidates(storeId, bookable.productId(), null);
    Map<Long, List<WorkingHours.Span>> hours = hoursOf(candidates);
    for (Candidate c : candidates) {
      if (WorkingHours.covers(hours.getOrDefault(c.id(), List.of()), zone, start, end)
          && !busy(c.id(), start, end, null)) {
        return c.id();
      }
    }
    throw ApiException.conflict(
        "startsAt", "no technician of store " + storeId + " who performs it is free then");
  }

  private boolean busy(long technician, Instant start, Instant end, Long except) {
    return !jdbc.queryForList(
            "SELECT 1 FROM bookings WHERE technician_id = ? AND status = 'booked'"
                + " AND starts_at < ? AND ends_at > ? AND id IS DISTINCT FROM ?::bigint",
            technician,
            utc(end),
            utc(start),
            except)
        .isEmpty();
  }

  private void requireChangeable(Booking booking) {
    if (!booking.status().equals("booked")) {
      throw ApiException.conflict("status", "booking " + booking.id() + " is " + booking.status());
    }
    Instant start = booking.startsAt().toInstant();
    if (!cutOff.allowsChange(start, clock.instant())) {
      throw ApiException.conflict(
          "startsAt",
          "a booking can be changed until "
              + cutOff.before().toMinutes()
              + " minutes before it starts ("
              + cutOff.deadline(start)
              + ")");
    }
  }

  /**
   * Checks the order a booking serves and returns the line it books: the order's first line of the
   * SKU without a live booking. The order is locked first, as cancelling it does.
   */
  private int orderLineFor(BookingRequest request, Caller caller) {
    List<Map<String, Object>> orders =
        jdbc.queryForList(
            "SELECT store_id, member_id, status, channel FROM orders WHERE id = ? FOR UPDATE",
            request.orderId());
    if (orders.isEmpty()) {
      throw ApiException.unprocessable("orderId", "no order " + request.orderId());
    }
    Map<String, Object> order = orders.get(0);
    if (caller.is(Role.STOREFRONT) && "pos".equals(order.get("channel"))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "orderId", "a storefront sees no POS sales");
    }
    if (((Number) order.get("store_id")).longValue() != request.storeId()
        || order.get("member_id") == null
        || ((Number) order.get("member_id")).longValue() != request.memberId()) {
      throw ApiException.unprocessable(
          "orderId", "order " + request.orderId() + " is not of this store and member");
    }
    String status = (String) order.get("status");
    if (!status.equals("created") && !status.equals("paid")) {
      throw ApiException.conflict("orderId", "order " + request.orderId() + " is " + status);
    }
    List<Integer> lines =
        jdbc.queryForList(
            "SELECT l.line_no FROM order_lines l WHERE l.order_id = ? AND l.sku_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.order_id = l.order_id"
                + " AND b.order_line_no = l.line_no AND b.status = 'booked') ORDER BY l.line_no",
            Integer.class,
            request.orderId(),
            request.skuId());
    if (lines.isEmpty()) {
      throw ApiException.unprocessable(
          "orderId",
          "order " + request.orderId() + " has no line of SKU " + request.skuId() + " to book");
    }
    return lines.get(0);
  }

  // ---- loading ---------------------------------------------------------------------------------

  private Booking lockForChange(long bookingId, Caller caller) {
    // The order first, then the booking: the order in which cancelling an order locks them.
    List<Long> order =
        jdbc.queryForList("SELECT order_id FROM bookings WHERE id = ?", Long.class, bookingId);
    if (order.isEmpty()) {
      throw ApiException.notFound("bookingId", "no booking " + bookingId);
    }
    if (order.get(0) != null) {
      jdbc.queryForList("SELECT id FROM orders WHERE id = ? FOR UPDATE", order.get(0));
    }
    jdbc.queryForList("SELECT id FROM bookings WHERE id = ? FOR UPDATE", bookingId);
    Booking booking = load(bookingId);
    caller.requireStore(booking.storeId(), "bookingId");
    return booking;
  }

  private Booking load(long id) {
    List<Booking> found =
        jdbc.query(
            "SELECT b.*, s.area_tier, s.service_type, l.time_zone FROM bookings b"
                + " JOIN service_specs s ON s.sku_id = b.sku_id"
                + " JOIN locations l ON l.id = b.store_id WHERE b.id = ?",
            (rs, i) -> {
              ZoneId zone = ZoneId.of(rs.getString("time_zone"));
              Timestamp cancelled = rs.getTimestamp("cancelled_at");
              return new Booking(
                  rs.getLong("id"),
                  rs.getLong("store_id"),
                  rs.getLong("technician_id"),
                  rs.getLong("sku_id"),
                  new ServiceSpec(
                      rs.getString("area_tier"),
                      rs.getInt("duration_minutes"),
                      rs.getString("service_type")),
                  rs.getLong("member_id"),
                  rs.getObject("order_id", Long.class),
                  rs.getObject("order_line_no", Integer.class),
                  local(rs.getTimestamp("starts_at").toInstant(), zone),
                  local(rs.getTimestamp("ends_at").toInstant(), zone),
                  rs.getString("status"),
                  local(rs.getTimestamp("created_at").toInstant(), zone),
                  cancelled == null ? null : local(cancelled.toInstant(), zone));
            },
            id);
    if (found.isEmpty()) {
      throw ApiException.notFound("bookingId", "no booking " + id);
    }
    return found.get(0);
  }

  /** The store's zone; no such store is {@code missing} (404 for a read, 422 for a write). */
  private ZoneId storeZone(long storeId, HttpStatus missing) {
    List<String> zone =
        jdbc.queryForList(
            "SELECT time_zone FROM locations WHERE id = ? AND kind = 'store'",
            String.class,
            storeId);
    if (zone.isEmpty()) {
      throw new ApiException(missing, "storeId", "no store " + storeId);
    }
    return ZoneId.of(zone.get(0));
  }

  private Bookable bookable(long skuId, HttpStatus missing) {
    List<Bookable> found =
        jdbc.query(
            "SELECT product_id, area_tier, duration_minutes, service_type FROM service_specs"
                + " WHERE sku_id = ?",
            (rs, i) ->
                new Bookable(
                    rs.getLong("product_id"),
                    rs.getInt("duration_minutes"),
                    new ServiceSpec(
                        rs.getString("area_tier"),
                        rs.getInt("duration_minutes"),
                        rs.getString("service_type"))),
            skuId);
    if (found.isEmpty()) {
      throw new ApiException(
          missing, "skuId", "SKU " + skuId + " is no combination of a service (no spec)");
    }
    return found.get(0);
  }

  /** Active technicians of the store who perform the product (only {@code only} if given). */
  private List<Candidate> candidates(long storeId, long productId, Long only) {
    return jdbc.query(
        "SELECT t.id, t.name FROM technicians t JOIN technician_skills s ON s.technician_id = t.id"
            + " WHERE t.store_id = ? AND t.active AND s.product_id = ?"
            + " AND (?::bigint IS NULL OR t.id = ?) ORDER BY t.id",
        (rs, i) -> new Candidate(rs.getLong("id"), rs.getString("name")),
        storeId,
        productId,
        only,
        only);
  }

  private Map<Long, List<WorkingHours.Span>> hoursOf(List<Candidate> candidates) {
    Map<Long, List<WorkingHours.Span>> out = new HashMap<>();
    if (candidates.isEmpty()) {
      return out;
    }
    jdbc.query(
        "SELECT technician_id, weekday, starts_at, ends_at FROM technician_hours"
            + " WHERE technician_id = ANY (?::bigint[])",
        rs -> {
          out.computeIfAbsent(rs.getLong("technician_id"), k -> new ArrayList<>())
              .add(
                  new WorkingHours.Span(
                      rs.getInt("weekday"),
                      rs.getObject("starts_at", LocalTime.class),
                      rs.getObject("ends_at", LocalTime.class)));
        },
        (Object) candidates.stream().map(Candidate::id).toArray(Long[]::new));
    return out;
  }

  private Map<Long, List<WorkingHours.Interval>> bookedOf(
      List<Candidate> candidates, Instant from, Instant to, Long except) {
    Map<Long, List<WorkingHours.Interval>> out = new HashMap<>();
    if (candidates.isEmpty()) {
      return out;
    }
    jdbc.query(
        "SELECT technician_id, starts_at, ends_at FROM bookings"
            + " WHERE technician_id = ANY (?::bigint[]) AND status = 'booked'"
            + " AND starts_at < ? AND ends_at > ? AND id IS DISTINCT FROM ?::bigint",
        rs -> {
          out.computeIfAbsent(rs.getLong("technician_id"), k -> new ArrayList<>())
              .add(
                  new WorkingHours.Interval(
                      rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                      rs.getObject("ends_at", OffsetDateTime.class).toInstant()));
        },
        candidates.stream().map(Candidate::id).toArray(Long[]::new),
        utc(to),
        utc(from),
        except);
    return out;
  }

  /** An instant as a timestamptz parameter (a Timestamp would pass through the JVM's zone). */
  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static OffsetDateTime local(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
