package io.chainstore.oltp.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input against every write endpoint of service items, technicians and bookings: 400
 * problem+json naming the field, and no table changed.
 */
class BookingBadInputIT extends BookingTestSupport {

  private static final String SPEC = "/api/catalog/skus/%d/service-spec";

  @Test
  void everyNewWriteEndpointRefusesBadInputNamingTheField() {
    Shop shop = shop();
    long booked =
        post(
                "/api/bookings",
                booking(shop, shop.sku60(), shop.at(shop.tomorrow(), "09:00"), shop.tech1(), null),
                null)
            .body()
            .path("id")
            .asLong();
    String spec = SPEC.formatted(shop.sku60());
    String skills = "/api/technicians/" + shop.tech1() + "/skills";
    String hours = "/api/technicians/" + shop.tech1() + "/hours";
    String reschedule = "/api/bookings/" + booked + "/reschedule";
    String start = shop.at(shop.tomorrow(), "12:00");
    String book =
        "{\"storeId\": %d, \"skuId\": %d, \"memberId\": %d, \"startsAt\": \"%s\""
            .formatted(shop.store(), shop.sku60(), shop.member(), start);
    List<String[]> cases =
        List.of(
            // method, path, body, field
            c(
                "POST",
                spec,
                "{\"areaTier\": \"huge\", \"durationMinutes\": 60, \"serviceType\": \"s\"}",
                "areaTier"),
            c(
                "POST",
                spec,
                "{\"areaTier\": \"any\", \"durationMinutes\": 10, \"serviceType\": \"s\"}",
                "durationMinutes"),
            c(
                "POST",
                spec,
                "{\"areaTier\": \"any\", \"durationMinutes\": 60.5, \"serviceType\": \"s\"}",
                "durationMinutes"),
            c(
                "POST",
                spec,
                "{\"areaTier\": \"any\", \"durationMinutes\": \"60\", \"serviceType\": \"s\"}",
                "durationMinutes"),
            c(
                "POST",
                spec,
                "{\"areaTier\": \"any\", \"durationMinutes\": 721, \"serviceType\": \"s\"}",
                "durationMinutes"),
            c(
                "POST",
                spec,
                "{\"areaTier\": \"any\", \"durationMinutes\": 60, \"serviceType\": \"\"}",
                "serviceType"),
            c(
                "POST",
                spec,
                "{\"areaTier\": \"any\", \"durationMinutes\": 60, \"serviceType\": \""
                    + "x".repeat(51)
                    + "\"}",
                "serviceType"),
            c("POST", spec, "{\"areaTier\": \"any\", \"durationMinutes\": 60}", "serviceType"),
            c(
                "POST",
                spec,
                "{\"areaTier\": \"any\", \"durationMinutes\": 60, \"serviceType\": \"a\\u0000\"}",
                "serviceType"),
            c(
                "POST",
                "/api/catalog/skus/1.5/service-spec",
                "{\"areaTier\": \"any\", \"durationMinutes\": 60, \"serviceType\": \"s\"}",
                "skuId"),
            c("POST", "/api/technicians", "{\"storeId\": 0, \"name\": \"T\"}", "storeId"),
            c("POST", "/api/technicians", "{\"storeId\": %d}".formatted(shop.store()), "name"),
            c(
                "POST",
                "/api/technicians",
                "{\"storeId\": %d, \"name\": 5}".formatted(shop.store()),
                "name"),
            c(
                "POST",
                "/api/technicians",
                "{\"storeId\": %d, \"name\": \"T\", \"colour\": \"red\"}".formatted(shop.store()),
                "colour"),
            c("PUT", skills, "{\"productIds\": [0]}", "productIds[0]"),
            c("PUT", skills, "{\"productIds\": \"x\"}", "productIds"),
            c("PUT", skills, "{}", "productIds"),
            c(
                "PUT",
                skills,
                "{\"productIds\": [%d, %d]}".formatted(shop.product(), shop.product()),
                "productIds[1]"),
            c("PUT", "/api/technicians/abc/skills", "{\"productIds\": []}", "technicianId"),
            c(
                "PUT",
                hours,
                "{\"hours\": [{\"weekday\": 8, \"from\": \"09:00\", \"to\": \"17:00\"}]}",
                "hours[0].weekday"),
            c(
                "PUT",
                hours,
                "{\"hours\": [{\"weekday\": 1, \"from\": \"9:00\", \"to\": \"17:00\"}]}",
                "hours[0].from"),
            c(
                "PUT",
                hours,
                "{\"hours\": [{\"weekday\": 1, \"from\": \"09:00\", \"to\": \"24:00\"}]}",
                "hours[0].to"),
            c("PUT", hours, "{\"hours\": [{\"weekday\": 1, \"from\": \"09:00\"}]}", "hours[0].to"),
            c("PUT", hours, "{\"hours\": {}}", "hours"),
            c(
                "POST",
                "/api/bookings",
                book.replace(start, "2026-12-01T09:00:00") + "}",
                "startsAt"),
            c(
                "POST",
                "/api/bookings",
                book.replace(start, "2026-02-30T09:00:00Z") + "}",
                "startsAt"),
            c(
                "POST",
                "/api/bookings",
                book.replace(start, "+9999999-01-01T09:00:00Z") + "}",
                "startsAt"),
            c("POST", "/api/bookings", book + ", \"technicianId\": 0}", "technicianId"),
            c("POST", "/api/bookings", book + ", \"orderId\": 1.5}", "orderId"),
            c(
                "POST",
                "/api/bookings",
                book.replace("\"skuId\": " + shop.sku60(), "\"skuId\": \"7\"") + "}",
                "skuId"),
            c(
                "POST",
                "/api/bookings",
                book.replace(", \"memberId\": " + shop.member(), "") + "}",
                "memberId"),
            c("POST", "/api/bookings", book + ", \"startsAt\": \"" + start + "\"}", "startsAt"),
            c("POST", "/api/bookings", book + "} garbage", "body"),
            c("POST", "/api/bookings/x/cancel", null, "bookingId"),
            c("POST", "/api/bookings/1.5/cancel", null, "bookingId"),
            c("POST", reschedule, "{}", "startsAt"),
            c(
                "POST",
                reschedule,
                "{\"startsAt\": \"" + start + "\", \"technicianId\": \"a\"}",
                "technicianId"),
            c("POST", reschedule, "{\"startsAt\": 5}", "startsAt"),
            c("POST", reschedule, "[]", "body"));
    Map<String, String> before = tableDigests();
    for (String[] c : cases) {
      Reply reply = c[0].equals("PUT") ? putAs(adminKey, c[1], c[2]) : post(c[1], c[2], null);
      String what = c[0] + " " + c[1] + " " + c[2] + " -> " + reply.raw().body();
      assertThat(reply.status()).as(what).isEqualTo(400);
      assertThat(reply.raw().headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(reply.body().path("field").asText()).as(what).isEqualTo(c[3]);
    }
    // Queries of the slot search and the schedule.
    for (String[] q :
        List.of(
            new String[] {"/api/bookings/slots?storeId=%d&skuId=%d&day=2026-13-01", "day"},
            new String[] {"/api/bookings/slots?storeId=0&skuId=%d&day=2026-06-01", "storeId"},
            new String[] {"/api/bookings?storeId=%d&day=tomorrow", "day"},
            new String[] {
              "/api/bookings?storeId=%d&day=2026-06-01&technicianId=x", "technicianId"
            })) {
      Reply reply = get(q[0].formatted(shop.store(), shop.sku60()));
      assertThat(reply.status()).as(q[0]).isEqualTo(400);
      assertThat(reply.body().path("field").asText()).as(q[0]).isEqualTo(q[1]);
    }
    assertThat(tableDigests()).isEqualTo(before);
  }

  private static String[] c(String method, String path, String body, String field) {
    return new String[] {method, path, body, field};
  }
}
