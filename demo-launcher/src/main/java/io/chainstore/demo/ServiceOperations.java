package io.chainstore.demo;

import static io.chainstore.demo.ApiClient.require;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The first store's service work during the day, over the API: a cleaning service booked by members
 * (one booking paid with an order), a repair with a part, a referral chain whose last member buys
 * and returns, and an online order a supplier fulfils in part.
 */
final class ServiceOperations {

  record Done(
      long serviceOrderId,
      int bookings,
      long cancelledBookingId,
      long rescheduledBookingId,
      long workOrderId,
      BigDecimal workOrderTotal,
      long referredMemberId,
      long referralOrderId,
      long supplierOrderId,
      long fulfilmentId) {}

  private ServiceOperations() {}

  static Done run(ApiClient admin, DemoSeed.Chain chain) {
    long store = chain.stores().get(0);
    LocalDate day = LocalDate.now(ZoneId.of(chain.zones().get(0))).plusDays(4);

    // T10: a cleaning service, one SKU per duration for flats up to 60 m².
    ApiClient.Reply service =
        admin.post(
            "/api/catalog/products",
            ("{\"code\":\"SVC-CLEAN\",\"name\":\"Home cleaning\",\"kind\":\"service\","
                + "\"category\":\"services\",\"skus\":["
                + "{\"code\":\"SVC-CLEAN-60-60\",\"name\":\"Cleaning up to 60 m², 60 min\","
                + "\"price\":39.00},"
                + "{\"code\":\"SVC-CLEAN-60-90\",\"name\":\"Cleaning up to 60 m², 90 min\","
                + "\"price\":55.00}]}"),
            "demo-svc-product");
    require(service, 201);
    long serviceProduct = service.body().path("id").asLong();
    long hour = skuId(service.body(), "SVC-CLEAN-60-60");
    long hourAndHalf = skuId(service.body(), "SVC-CLEAN-60-90");
    require(
        admin.post(
            "/api/catalog/skus/" + hour + "/service-spec",
            "{\"areaTier\":\"up_to_60\",\"durationMinutes\":60,\"serviceType\":\"standard\"}",
            "demo-svc-spec-60"),
        201);
    require(
        admin.post(
            "/api/catalog/skus/" + hourAndHalf + "/service-spec",
            "{\"areaTier\":\"up_to_60\",\"durationMinutes\":90,\"serviceType\":\"standard\"}",
            "demo-svc-spec-90"),
        201);

    // T11: a technician at the first store who cleans, every day 09:00–18:00 local time.
    ApiClient.Reply technician =
        admin.post(
            "/api/technicians",
            "{\"storeId\":%d,\"name\":\"Demo technician\"}".formatted(store),
            "demo-technician");
    require(technician, 201);
    long technicianId = technician.body().path("id").asLong();
    require(
        admin.put(
            "/api/technicians/" + technicianId + "/skills",
            "{\"productIds\":[%d]}".formatted(serviceProduct)),
        200);
    StringBuilder hours = new StringBuilder();
    for (int weekday = 1; weekday <= 7; weekday++) {
      hours
          .append(weekday > 1 ? "," : "")
          .append("{\"weekday\":%d,\"from\":\"09:00\",\"to\":\"18:00\"}".formatted(weekday));
    }
    require(
        admin.put("/api/technicians/" + technicianId + "/hours", "{\"hours\":[" + hours + "]}"),
        200);

    // The first member buys an hour of cleaning at the till; the booking names that order line.
    long first = chain.members().get(0);
    long serviceOrder =
        paidOrder(
            admin,
            "{\"storeId\":%d,\"channel\":\"pos\",\"memberId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                .formatted(store, first, hour),
            "demo-svc-order");
    long paidBooking =
        book(admin, store, hour, first, firstSlot(admin, store, hour, day), serviceOrder, "paid");
    long movedBooking =
        book(
            admin,
            store,
            hourAndHalf,
            chain.members().get(1),
            firstSlot(admin, store, hourAndHalf, day),
            null,
            "moved");
    long cancelledBooking =
        book(
            admin,
            store,
            hour,
            chain.members().get(2),
            firstSlot(admin, store, hour, day),
            null,
            "cancelled");
    require(
        admin.post("/api/bookings/" + cancelledBooking + "/cancel", null, "demo-booking-cancel"),
        200);
    JsonNode later = slots(admin, store, hourAndHalf, day);
    require(
        admin.post(
            "/api/bookings/" + movedBooking + "/reschedule",
            "{\"startsAt\":\"%s\"}"
                .formatted(later.get(later.size() - 1).path("startsAt").asText()),
            "demo-booking-reschedule"),
        200);
    if (paidBooking == movedBooking) {
      throw new IllegalStateException("two bookings got one id");
    }

    // T12: a repair at the customer's with a filter from the store's stock and an hour of labour.
    ApiClient.Reply part =
        admin.post(
            "/api/catalog/products",
            ("{\"code\":\"PART-FILTER\",\"name\":\"Vacuum filter\",\"kind\":\"part\","
                + "\"category\":\"parts\",\"skus\":[{\"code\":\"PART-FILTER-1\","
                + "\"name\":\"Vacuum filter HEPA\",\"price\":12.50}]}"),
            "demo-part-product");
    require(part, 201);
    long partSku = skuId(part.body(), "PART-FILTER-1");
    require(
        admin.post(
            "/api/stock/receipts",
            ("{\"locationId\":%d,\"reference\":\"parts delivery\","
                    + "\"lines\":[{\"skuId\":%d,\"quantity\":10}]}")
                .formatted(store, partSku),
            "demo-part-receipt"),
        201);
    ApiClient tech = issue(admin, "demo technician", "technician", "technicianId", technicianId);
    ApiClient.Reply opened =
        tech.post(
            "/api/work-orders",
            "{\"memberId\":%d,\"description\":\"Vacuum cleaner loses suction\"}"
                .formatted(chain.members().get(3)),
            "demo-wo-open");
    require(opened, 201);
    long workOrder = opened.body().path("id").asLong();
    require(
        tech.post(
            "/api/work-orders/" + workOrder + "/lines",
            ("{\"lines\":[{\"kind\":\"part\",\"skuId\":%d,\"quantity\":2},"
                    + "{\"kind\":\"labour\",\"description\":\"Diagnosis and repair\","
                    + "\"hours\":1.50,\"rate\":40.00}]}")
                .formatted(partSku),
            "demo-wo-lines"),
        200);
    ApiClient.Reply code =
        tech.post("/api/work-orders/" + workOrder + "/confirmation-code", null, "demo-wo-code");
    require(code, 201);
    require(
        tech.post(
            "/api/work-orders/" + workOrder + "/confirm",
            "{\"code\":\"%s\"}".formatted(code.body().path("code").asText()),
            "demo-wo-confirm"),
        200);
    BigDecimal total =
        code.body().path("totalAmount").decimalValue().setScale(2, RoundingMode.HALF_EVEN);
    require(
        tech.post(
            "/api/work-orders/" + workOrder + "/pay",
            "{\"payments\":[{\"method\":\"card\",\"amount\":%s}]}".formatted(total.toPlainString()),
            "demo-wo-pay"),
        200);
    require(
        tech.post("/api/work-orders/" + workOrder + "/complete", null, "demo-wo-complete"), 200);

    // T9: commissions 5 / 2 / 1 %; A (a seeded member) refers B, B refers C; C buys and returns.
    require(
        admin.post(
            "/api/referral/rate-plans",
            ("{\"level1Percent\":5.00,\"level2Percent\":2.00,\"level3Percent\":1.00,"
                    + "\"validFrom\":\"%s\"}")
                .formatted(OffsetDateTime.now().minusHours(1)),
            "demo-rate-plan"),
        201);
    ApiClient.Reply a = admin.get("/api/members/" + chain.members().get(4));
    require(a, 200);
    ApiClient.Reply b = join(admin, "Referred B", "+4917000000001", a.body(), "demo-member-b");
    ApiClient.Reply c = join(admin, "Referred C", "+4917000000002", b.body(), "demo-member-c");
    long memberC = c.body().path("id").asLong();
    long referralOrder =
        paidOrder(
            admin,
            ("{\"storeId\":%d,\"channel\":\"pos\",\"memberId\":%d,"
                    + "\"lines\":[{\"skuId\":%d,\"quantity\":3},{\"skuId\":%d,\"quantity\":1}]}")
                .formatted(store, memberC, chain.skus().get(0), chain.skus().get(1)),
            "demo-referral-order");
    require(
        admin.post("/api/orders/" + referralOrder + "/fulfil", null, "demo-referral-fulfil"), 200);
    require(
        admin.post(
            "/api/orders/" + referralOrder + "/returns",
            "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}",
            "demo-referral-return"),
        200);

    // T13: a supplier's kettle, stocked at its own warehouse, sold online with a chain SKU.
    ApiClient.Reply supplier =
        admin.post(
            "/api/suppliers",
            "{\"code\":\"SUP-DEMO\",\"name\":\"Demo Appliances\"}",
            "demo-supplier");
    require(supplier, 201);
    ApiClient vendor =
        issue(
            admin, "demo supplier", "supplier", "supplierId", supplier.body().path("id").asLong());
    ApiClient.Reply kettle =
        vendor.post(
            "/api/supplier/products",
            ("{\"code\":\"SUP-KETTLE\",\"name\":\"Electric kettle\",\"kind\":\"goods\","
                + "\"category\":\"household\",\"skus\":[{\"code\":\"SUP-KETTLE-1\","
                + "\"name\":\"Electric kettle 1.7l\",\"price\":29.90,\"costPrice\":18.00}]}"),
            "demo-supplier-product");
    require(kettle, 201);
    long kettleSku = skuId(kettle.body(), "SUP-KETTLE-1");
    ApiClient.Reply depot =
        vendor.post(
            "/api/supplier/locations",
            "{\"code\":\"SUP-DEMO-W1\",\"name\":\"Demo Appliances warehouse\"}",
            "demo-supplier-location");
    require(depot, 201);
    require(
        vendor.post(
            "/api/supplier/receipts",
            ("{\"locationId\":%d,\"reference\":\"opening stock\","
                    + "\"lines\":[{\"skuId\":%d,\"quantity\":20}]}")
                .formatted(depot.body().path("id").asLong(), kettleSku),
            "demo-supplier-receipt"),
        201);
    long supplierOrder =
        paidOrder(
            admin,
            ("{\"storeId\":%d,\"channel\":\"online\",\"memberId\":%d,"
                    + "\"lines\":[{\"skuId\":%d,\"quantity\":1},{\"skuId\":%d,\"quantity\":1}]}")
                .formatted(store, chain.members().get(5), chain.skus().get(0), kettleSku),
            "demo-supplier-order");
    ApiClient.Reply open = vendor.get("/api/supplier/fulfilments?status=open");
    require(open, 200);
    long fulfilment = 0;
    for (JsonNode f : open.body()) {
      if (f.path("orderId").asLong() == supplierOrder) {
        fulfilment = f.path("id").asLong();
      }
    }
    if (fulfilment == 0) {
      throw new IllegalStateException(
          "the supplier sees no open part of order " + supplierOrder + ": " + open.body());
    }
    require(
        vendor.post(
            "/api/supplier/fulfilments/" + fulfilment + "/ship", null, "demo-supplier-ship"),
        200);
    require(
        admin.post("/api/orders/" + supplierOrder + "/fulfil", null, "demo-supplier-fulfil"), 200);
    require(
        admin.post("/api/orders/" + supplierOrder + "/complete", null, "demo-supplier-complete"),
        200);

    return new Done(
        serviceOrder,
        3,
        cancelledBooking,
        movedBooking,
        workOrder,
        total,
        memberC,
        referralOrder,
        supplierOrder,
        fulfilment);
  }

  private static long paidOrder(ApiClient admin, String body, String key) {
    ApiClient.Reply order = admin.post("/api/orders", body, key);
    require(order, 201);
    long id = order.body().path("id").asLong();
    require(admin.post("/api/orders/" + id + "/pay", null, key + "-pay"), 200);
    return id;
  }

  private static JsonNode slots(ApiClient api, long store, long sku, LocalDate day) {
    ApiClient.Reply slots =
        api.get("/api/bookings/slots?storeId=%d&skuId=%d&day=%s".formatted(store, sku, day));
    require(slots, 200);
    if (slots.body().isEmpty()) {
      throw new IllegalStateException("no free slot for SKU " + sku + " on " + day);
    }
    return slots.body();
  }

  private static String firstSlot(ApiClient api, long store, long sku, LocalDate day) {
    return slots(api, store, sku, day).get(0).path("startsAt").asText();
  }

  private static long book(
      ApiClient api, long store, long sku, long member, String startsAt, Long order, String key) {
    ApiClient.Reply booking =
        api.post(
            "/api/bookings",
            "{\"storeId\":%d,\"skuId\":%d,\"memberId\":%d,\"startsAt\":\"%s\"%s}"
                .formatted(
                    store, sku, member, startsAt, order == null ? "" : ",\"orderId\":" + order),
            "demo-booking-" + key);
    require(booking, 201);
    return booking.body().path("id").asLong();
  }

  private static ApiClient.Reply join(
      ApiClient admin, String name, String phone, JsonNode referrer, String key) {
    ApiClient.Reply member =
        admin.post(
            "/api/members",
            "{\"name\":\"%s\",\"phone\":\"%s\",\"referrerCode\":\"%s\"}"
                .formatted(name, phone, referrer.path("code").asText()),
            key);
    require(member, 201);
    return member;
  }

  /** A key bound to a technician or a supplier (the launcher's issueKey binds stores only). */
  private static ApiClient issue(
      ApiClient admin, String name, String role, String boundTo, long id) {
    ApiClient.Reply key =
        admin.post(
            "/api/admin/api-keys",
            "{\"name\":\"%s\",\"role\":\"%s\",\"%s\":%d}".formatted(name, role, boundTo, id),
            null);
    require(key, 201);
    return admin.as(key.body().path("key").asText());
  }

  private static long skuId(JsonNode product, String code) {
    for (JsonNode sku : product.path("skus")) {
      if (code.equals(sku.path("code").asText())) {
        return sku.path("id").asLong();
      }
    }
    throw new IllegalStateException("no SKU " + code + " in " + product);
  }
}
