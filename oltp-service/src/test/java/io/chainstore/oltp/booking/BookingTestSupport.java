package io.chainstore.oltp.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A store with a bookable service for the booking ITs. The store's zone is a fixed offset chosen so
 * that it is about 10:00 there now: today's afternoon is beyond the 2-hour cut-off and the next
 * hour within it, whenever the tests run.
 */
abstract class BookingTestSupport extends ApiTestSupport {

  /** As the service writes date-times: seconds always, the offset (Z for UTC). */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /** A store, a cleaning service (SKUs of 60 and 90 minutes), a member and two technicians. */
  record Shop(
      long store,
      ZoneId zone,
      long product,
      long sku60,
      long sku90,
      long member,
      long tech1,
      long tech2,
      long goodsSku) {

    LocalDate today() {
      return LocalDate.now(zone);
    }

    LocalDate tomorrow() {
      return today().plusDays(1);
    }

    String at(LocalDate day, String time) {
      return ZonedDateTime.of(day, LocalTime.parse(time), zone).format(TIME);
    }
  }

  static ZoneId zoneWhereItIsAboutTen() {
    int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(10 - utcHour + 12, 24) - 12;
    return ZoneId.of(
        offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
  }

  Shop shop() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ZoneId zone = zoneWhereItIsAboutTen();
    long store =
        jdbc.queryForObject(
            "INSERT INTO locations (code, name, kind, time_zone) VALUES (?, ?, 'store', ?)"
                + " RETURNING id",
            Long.class,
            "BS-" + tag,
            "Booking store " + tag,
            zone.getId());
    var product =
        post(
            "/api/catalog/products",
            """
            {"code": "CLEAN-%s", "name": "Home cleaning", "kind": "service", "category": "home",
             "skus": [{"code": "CL60-%s", "name": "Cleaning 60 min", "price": 80.00},
                      {"code": "CL90-%s", "name": "Cleaning 90 min deep", "price": 120.00}]}
            """
                .formatted(tag, tag, tag),
            null);
    assertThat(product.status()).as(product.raw().body()).isEqualTo(201);
    long productId = product.body().path("id").asLong();
    long sku60 = product.body().path("skus").path(0).path("id").asLong();
    long sku90 = product.body().path("skus").path(1).path("id").asLong();
    spec(sku60, "up_to_60", 60, "standard");
    spec(sku90, "up_to_60", 90, "deep");
    var goods = fixture(new java.math.BigDecimal("5.00"), 10);
    long member =
        jdbc.queryForObject(
            "INSERT INTO members (name, phone) VALUES (?, ?) RETURNING id",
            Long.class,
            "Booker " + tag,
            "+86" + Math.abs((long) tag.hashCode()));
    long tech1 = technician(store, "Ana " + tag, productId);
    long tech2 = technician(store, "Bo " + tag, productId);
    // The goods of the fixture are stocked at this store too, for mixed orders.
    initialStock(goods.sku(), store, 10);
    return new Shop(store, zone, productId, sku60, sku90, member, tech1, tech2, goods.sku());
  }

  void spec(long sku, String tier, int minutes, String type) {
    var reply =
        post(
            "/api/catalog/skus/" + sku + "/service-spec",
            """
            {"areaTier": "%s", "durationMinutes": %d, "serviceType": "%s"}
            """
                .formatted(tier, minutes, type),
            null);
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
  }

  /** A technician who performs the product and works every day from 00:00 to 23:59. */
  long technician(long store, String name, long product) {
    var created =
        post(
            "/api/technicians", "{\"storeId\": %d, \"name\": \"%s\"}".formatted(store, name), null);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    assertThat(
            putAs(
                    adminKey,
                    "/api/technicians/" + id + "/skills",
                    "{\"productIds\": [" + product + "]}")
                .status())
        .isEqualTo(200);
    StringBuilder hours = new StringBuilder();
    for (int day = 1; day <= 7; day++) {
      hours
          .append(day == 1 ? "" : ",")
          .append("{\"weekday\": %d, \"from\": \"00:00\", \"to\": \"23:59\"}".formatted(day));
    }
    assertThat(
            putAs(adminKey, "/api/technicians/" + id + "/hours", "{\"hours\": [" + hours + "]}")
                .status())
        .isEqualTo(200);
    return id;
  }

  String booking(Shop shop, long sku, String startsAt, Long technician, Long order) {
    return """
        {"storeId": %d, "skuId": %d, "memberId": %d, "startsAt": "%s"%s%s}
        """
        .formatted(
            shop.store(),
            sku,
            shop.member(),
            startsAt,
            technician == null ? "" : ", \"technicianId\": " + technician,
            order == null ? "" : ", \"orderId\": " + order);
  }

  String technicianKey(long technician) {
    return keys.issue("test technician", Role.TECHNICIAN, null, technician, null).key();
  }
}
