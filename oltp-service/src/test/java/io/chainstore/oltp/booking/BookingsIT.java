package io.chainstore.oltp.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookingsIT extends BookingTestSupport {

  private List<String> slotStarts(Shop shop, long sku, long technician) {
    var reply =
        get(
            "/api/bookings/slots?storeId=%d&skuId=%d&day=%s&technicianId=%d"
                .formatted(shop.store(), sku, shop.tomorrow(), technician));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    reply.body().forEach(s -> out.add(s.path("startsAt").asText()));
    return out;
  }

  @Test
  void bookRescheduleAndCancelWithSlotsAndScheduleFollowing() {
    Shop shop = shop();
    String nine = shop.at(shop.tomorrow(), "09:00");
    assertThat(slotStarts(shop, shop.sku60(), shop.tech1())).contains(nine);

    String body = booking(shop, shop.sku60(), nine, shop.tech1(), null);
    String storefront = keyFor(Role.STOREFRONT, null);
    var booked = postAs(storefront, "/api/bookings", body, "book-1");
    assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
    long id = booked.body().path("id").asLong();
    assertThat(booked.body().path("status").asText()).isEqualTo("booked");
    assertThat(booked.body().path("endsAt").asText()).isEqualTo(shop.at(shop.tomorrow(), "10:00"));
    assertThat(booked.body().path("spec").path("durationMinutes").asInt()).isEqualTo(60);
    // A retry with the same key is the same booking.
    var again = postAs(storefront, "/api/bookings", body, "book-1");
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().path("id").asLong()).isEqualTo(id);
    assertThat(count("SELECT count(*) FROM bookings WHERE technician_id = ?", shop.tech1()))
        .isEqualTo(1);

    // The hour is gone from the technician's slots, the quarter-hours overlapping it too.
    List<String> after = slotStarts(shop, shop.sku60(), shop.tech1());
    assertThat(after)
        .doesNotContain(nine, shop.at(shop.tomorrow(), "08:15"), shop.at(shop.tomorrow(), "09:45"))
        .contains(shop.at(shop.tomorrow(), "08:00"), shop.at(shop.tomorrow(), "10:00"));

    // It is on the store's schedule for its manager, till and technicians.
    for (String key :
        List.of(
            keyFor(Role.STORE_MANAGER, shop.store()),
            keyFor(Role.POS, shop.store()),
            technicianKey(shop.tech2()),
            keyFor(Role.HQ_ANALYST, null))) {
      var schedule =
          getAs(key, "/api/bookings?storeId=%d&day=%s".formatted(shop.store(), shop.tomorrow()));
      assertThat(schedule.status()).as(schedule.raw().body()).isEqualTo(200);
      assertThat(schedule.body()).hasSize(1);
      assertThat(schedule.body().path(0).path("id").asLong()).isEqualTo(id);
    }

    var moved =
        postAs(
            storefront,
            "/api/bookings/" + id + "/reschedule",
            "{\"startsAt\": \"%s\", \"technicianId\": %d}"
                .formatted(shop.at(shop.tomorrow(), "11:00"), shop.tech2()),
            "move-1");
    assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
    assertThat(moved.body().path("technicianId").asLong()).isEqualTo(shop.tech2());
    assertThat(moved.body().path("startsAt").asText()).isEqualTo(shop.at(shop.tomorrow(), "11:00"));
    assertThat(slotStarts(shop, shop.sku60(), shop.tech1())).contains(nine);

    var cancelled = postAs(storefront, "/api/bookings/" + id + "/cancel", null, "cancel-1");
    assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
    assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
    assertThat(slotStarts(shop, shop.sku60(), shop.tech2()))
        .contains(shop.at(shop.tomorrow(), "11:00"));
    var twice = postAs(storefront, "/api/bookings/" + id + "/cancel", null, null);
    assertProblem(twice, 409, "status");
  }

  @Test
  void anyTechnicianPicksAFreeOneUntilNobodyIsFree() {
    Shop shop = shop();
    String ten = shop.at(shop.tomorrow(), "10:00");
    var first = post("/api/bookings", booking(shop, shop.sku90(), ten, null, null), null);
    var second = post("/api/bookings", booking(shop, shop.sku90(), ten, null, null), null);
    assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
    assertThat(second.status()).as(second.raw().body()).isEqualTo(201);
    assertThat(
            List.of(
                first.body().path("technicianId").asLong(),
                second.body().path("technicianId").asLong()))
        .containsExactly(shop.tech1(), shop.tech2());
    assertThat(second.body().path("endsAt").asText()).isEqualTo(shop.at(shop.tomorrow(), "11:30"));
    Map<String, String> before = tableDigests();
    assertProblem(
        post(
            "/api/bookings",
            booking(shop, shop.sku60(), shop.at(shop.tomorrow(), "11:00"), null, null),
            null),
        409,
        "startsAt");
    assertThat(tableDigests()).isEqualTo(before);
  }

  @Test
  void refusalsNameTheFieldAndChangeNothing() {
    Shop shop = shop();
    // A technician who works 09:00-17:00 on weekdays only and performs nothing.
    long unskilled =
        post(
                "/api/technicians",
                "{\"storeId\": %d, \"name\": \"Cy\"}".formatted(shop.store()),
                null)
            .body()
            .path("id")
            .asLong();
    var booked =
        post(
            "/api/bookings",
            booking(shop, shop.sku60(), shop.at(shop.tomorrow(), "09:00"), shop.tech1(), null),
            null);
    assertThat(booked.status()).isEqualTo(201);
    var soon =
        post(
            "/api/bookings",
            booking(shop, shop.sku60(), shop.at(shop.today(), "12:00"), shop.tech2(), null),
            null);
    assertThat(soon.status()).as(soon.raw().body()).isEqualTo(201);
    long soonId = soon.body().path("id").asLong();
    putAs(
        adminKey,
        "/api/technicians/" + shop.tech2() + "/hours",
        "{\"hours\": [{\"weekday\": %d, \"from\": \"09:00\", \"to\": \"17:00\"}]}"
            .formatted(shop.tomorrow().getDayOfWeek().getValue()));
    Shop other = shop();

    Map<String, String> before = tableDigests();
    // The same technician at an overlapping time.
    assertProblem(
        post(
            "/api/bookings",
            booking(shop, shop.sku90(), shop.at(shop.tomorrow(), "08:00"), shop.tech1(), null),
            null),
        409,
        "technicianId");
    // Outside the technician's working hours: the service would end after 17:00, or start before
    // 09:00.
    assertProblem(
        post(
            "/api/bookings",
            booking(shop, shop.sku60(), shop.at(shop.tomorrow(), "16:30"), shop.tech2(), null),
            null),
        422,
        "startsAt");
    assertProblem(
        post(
            "/api/bookings",
            booking(shop, shop.sku60(), shop.at(shop.tomorrow(), "08:00"), shop.tech2(), null),
            null),
        422,
        "startsAt");
    // A technician without the skill.
    assertProblem(
        post(
            "/api/bookings",
            booking(shop, shop.sku60(), shop.at(shop.tomorrow(), "12:00"), unskilled, null),
            null),
        422,
        "technicianId");
    // In the past.
    assertProblem(
        post(
            "/api/bookings",
            booking(
                shop,
                shop.sku60(),
                shop.at(shop.today().minusDays(1), "12:00"),
                shop.tech1(),
                null),
            null),
        422,
        "startsAt");
    // A SKU that is no service combination.
    assertProblem(
        post(
            "/api/bookings",
            booking(shop, shop.goodsSku(), shop.at(shop.tomorrow(), "12:00"), null, null),
            null),
        422,
        "skuId");
    // Within the cut-off: neither cancelled nor moved.
    assertProblem(post("/api/bookings/" + soonId + "/cancel", null, null), 409, "startsAt");
    assertProblem(
        post(
            "/api/bookings/" + soonId + "/reschedule",
            "{\"startsAt\": \"%s\"}".formatted(shop.at(shop.tomorrow(), "12:00")),
            null),
        409,
        "startsAt");
    // A store manager of another store manages neither its technicians nor its bookings.
    String otherManager = keyFor(Role.STORE_MANAGER, other.store());
    assertProblem(
        putAs(otherManager, "/api/technicians/" + shop.tech1() + "/skills", "{\"productIds\": []}"),
        403,
        "technicianId");
    assertProblem(
        postAs(
            otherManager,
            "/api/technicians",
            "{\"storeId\": %d, \"name\": \"X\"}".formatted(shop.store()),
            null),
        403,
        "storeId");
    assertThat(tableDigests()).isEqualTo(before);
  }

  @Test
  void aTechnicianSeesAndChangesOnlyItsOwnStoresBookings() {
    Shop a = shop();
    Shop b = shop();
    long inB =
        post(
                "/api/bookings",
                booking(b, b.sku60(), b.at(b.tomorrow(), "09:00"), b.tech1(), null),
                null)
            .body()
            .path("id")
            .asLong();
    long inA =
        post(
                "/api/bookings",
                booking(a, a.sku60(), a.at(a.tomorrow(), "09:00"), a.tech1(), null),
                null)
            .body()
            .path("id")
            .asLong();
    String techA = technicianKey(a.tech2());
    Map<String, String> before = tableDigests();
    assertProblem(
        getAs(techA, "/api/bookings?storeId=%d&day=%s".formatted(b.store(), b.tomorrow())),
        403,
        "storeId");
    assertProblem(getAs(techA, "/api/bookings/" + inB), 403, "bookingId");
    assertProblem(postAs(techA, "/api/bookings/" + inB + "/cancel", null, null), 403, "bookingId");
    assertProblem(
        postAs(
            techA,
            "/api/bookings/" + inB + "/reschedule",
            "{\"startsAt\": \"%s\"}".formatted(b.at(b.tomorrow(), "12:00")),
            null),
        403,
        "bookingId");
    // Nor does it book (technicians do not take bookings) nor manage technicians.
    assertThat(
            postAs(
                    techA,
                    "/api/bookings",
                    booking(a, a.sku60(), a.at(a.tomorrow(), "13:00"), null, null),
                    null)
                .status())
        .isEqualTo(403);
    assertThat(tableDigests()).isEqualTo(before);

    var own = getAs(techA, "/api/bookings?storeId=%d&day=%s".formatted(a.store(), a.tomorrow()));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).hasSize(1);
    assertThat(own.body().path(0).path("id").asLong()).isEqualTo(inA);
    var moved =
        postAs(
            techA,
            "/api/bookings/" + inA + "/reschedule",
            "{\"startsAt\": \"%s\"}".formatted(a.at(a.tomorrow(), "15:00")),
            null);
    assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
  }

  @Test
  void aBookingAndTheOrderThatPaysForItAreCancelledTogether() {
    Shop shop = shop();
    String storefront = keyFor(Role.STOREFRONT, null);
    long order = paidServiceOrder(shop, storefront);

    // Another member's booking cannot use the order.
    long stranger =
        jdbc.queryForObject(
            "INSERT INTO members (name, phone) VALUES ('S', ?) RETURNING id",
            Long.class,
            "+1" + System.nanoTime() % 1_000_000_000L);
    String strangers =
        """
        {"storeId": %d, "skuId": %d, "memberId": %d, "startsAt": "%s", "orderId": %d}
        """
            .formatted(
                shop.store(), shop.sku90(), stranger, shop.at(shop.tomorrow(), "09:00"), order);
    assertProblem(postAs(storefront, "/api/bookings", strangers, null), 422, "orderId");

    var booked =
        postAs(
            storefront,
            "/api/bookings",
            booking(shop, shop.sku90(), shop.at(shop.tomorrow(), "09:00"), null, order),
            null);
    assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
    assertThat(booked.body().path("orderLineNo").asInt()).isEqualTo(1);
    long bookingId = booked.body().path("id").asLong();
    // The order's one service line is booked: no second booking on it.
    assertProblem(
        postAs(
            storefront,
            "/api/bookings",
            booking(shop, shop.sku90(), shop.at(shop.tomorrow(), "13:00"), null, order),
            null),
        422,
        "orderId");

    var cancelled = postAs(storefront, "/api/bookings/" + bookingId + "/cancel", null, "c-1");
    assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
    assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
    var orderNow = get("/api/orders/" + order);
    assertThat(orderNow.body().path("status").asText()).isEqualTo("cancelled");

    // The other way round: cancelling the order cancels its booking.
    long second = paidServiceOrder(shop, storefront);
    long secondBooking =
        postAs(
                storefront,
                "/api/bookings",
                booking(
                    shop, shop.sku90(), shop.at(shop.tomorrow(), "09:00"), shop.tech1(), second),
                null)
            .body()
            .path("id")
            .asLong();
    assertThat(postAs(storefront, "/api/orders/" + second + "/cancel", null, null).status())
        .isEqualTo(200);
    assertThat(get("/api/bookings/" + secondBooking).body().path("status").asText())
        .isEqualTo("cancelled");
    // Its time is free again.
    assertThat(
            post(
                    "/api/bookings",
                    booking(
                        shop, shop.sku90(), shop.at(shop.tomorrow(), "09:00"), shop.tech1(), null),
                    null)
                .status())
        .isEqualTo(201);
  }

  private long paidServiceOrder(Shop shop, String storefront) {
    var order =
        postAs(
            storefront,
            "/api/orders",
            """
            {"storeId": %d, "channel": "pickup", "memberId": %d, "lines": [{"skuId": %d, "quantity": 1}]}
            """
                .formatted(shop.store(), shop.member(), shop.sku90()),
            null);
    assertThat(order.status()).as(order.raw().body()).isEqualTo(201);
    long id = order.body().path("id").asLong();
    var paid = postAs(storefront, "/api/orders/" + id + "/pay", null, null);
    assertThat(paid.status()).as(paid.raw().body()).isEqualTo(200);
    return id;
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  static void assertProblem(Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(reply.body().path("field").asText()).as(reply.raw().body()).isEqualTo(field);
  }
}
