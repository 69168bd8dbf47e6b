package io.chainstore.oltp.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.util.UUID;

/** Stores with parts in stock and technicians with keys, for the work order tests. */
abstract class RepairTestSupport extends ApiTestSupport {

  /** A store (from {@link #fixture}) with a goods SKU, a part SKU in stock and a technician. */
  record Shop(Fixture f, long part, String technician) {
    long store() {
      return f.store();
    }
  }

  Shop shop(String partPrice, int partUnits) {
    Fixture f = fixture(new BigDecimal("5.00"), 10);
    return new Shop(f, part(f.store(), partPrice, partUnits), technicianKey(f.store()));
  }

  /** A SKU of a product of kind part with {@code units} on hand at the store. */
  long part(long store, String price, int units) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long product =
        jdbc.queryForObject(
            "INSERT INTO products (code, name, kind, category) VALUES (?, ?, 'part', 'spares')"
                + " RETURNING id",
            Long.class,
            "PP-" + tag,
            "Pump " + tag);
    long sku =
        jdbc.queryForObject(
            "INSERT INTO skus (product_id, code, name, price) VALUES (?, ?, ?, ?) RETURNING id",
            Long.class,
            product,
            "PART-" + tag,
            "Pump " + tag,
            new BigDecimal(price));
    if (units > 0) {
      initialStock(sku, store, units);
    }
    return sku;
  }

  String technicianKey(long store) {
    long technician =
        jdbc.queryForObject(
            "INSERT INTO technicians (store_id, name) VALUES (?, 'Tech') RETURNING id",
            Long.class,
            store);
    return keys.issue("test technician", Role.TECHNICIAN, null, technician, null).key();
  }

  long open(String technician) {
    Reply opened = postAs(technician, "/api/work-orders", "{}", null);
    assertThat(opened.status()).isEqualTo(201);
    return opened.body().path("id").asLong();
  }

  Reply addPart(String key, long workOrder, long sku, int quantity) {
    return postAs(
        key,
        "/api/work-orders/" + workOrder + "/lines",
        "{\"lines\":[{\"kind\":\"part\",\"skuId\":%d,\"quantity\":%d}]}".formatted(sku, quantity),
        null);
  }

  Reply addLabour(String key, long workOrder, String amount) {
    return postAs(
        key,
        "/api/work-orders/" + workOrder + "/lines",
        "{\"lines\":[{\"kind\":\"labour\",\"description\":\"Fitting\",\"amount\":%s}]}"
            .formatted(amount),
        null);
  }

  /** A fresh code for the quote as it is; returns the code. */
  String code(String technician, long workOrder) {
    Reply issued =
        postAs(technician, "/api/work-orders/" + workOrder + "/confirmation-code", null, null);
    assertThat(issued.status()).isEqualTo(201);
    return issued.body().path("code").asText();
  }

  Reply confirm(String key, long workOrder, String code) {
    return postAs(
        key, "/api/work-orders/" + workOrder + "/confirm", "{\"code\":\"" + code + "\"}", null);
  }

  static void assertProblem(Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.raw().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(reply.body().path("field").asText()).isEqualTo(field);
  }
}
