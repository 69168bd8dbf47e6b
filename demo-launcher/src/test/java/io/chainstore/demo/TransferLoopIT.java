package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.demo.reconcile.Reconciler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transfer loop on real components: a store runs low on a SKU through sales at the API → the
 * job suggests one transfer → the service keeps it → HQ accepts it through the API → one draft
 * transfer with the suggested quantity. Crashing the Flink jobs and the service in between, and
 * selling on, makes no second suggestion.
 */
class TransferLoopIT {

  private static LocalStack stack;
  private static DemoSeed.Chain chain;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
    chain = SharedStack.chain();
  }

  @Test
  void oneSuggestionBecomesOneDraftTransferThroughCrashes() throws Exception {
    long store = chain.stores().get(0);
    long sibling = chain.stores().get(1);
    long sku = newSku(store, 10, sibling, 300);
    ApiClient admin = stack.adminApi();

    // 5 sold: 5/7 a day, so a reorder point of ⌈5/7 x 2 + 2⌉ = 4 and a target of ⌈5/7 x 9 + 2⌉ = 9;
    // 5 left is enough.
    sell(admin, store, sku, 5, "loop-1");
    awaitOnHandInClickHouse(sku, store, 5);
    // 2 more reserved: 3 available, under 4, so 6 are suggested from the only other holder.
    sell(admin, store, sku, 2, "loop-2");
    JsonNode suggestion = awaitSuggestions(admin, sku, 1).get(0);
    assertThat(suggestion.path("toLocationId").asLong()).isEqualTo(store);
    assertThat(suggestion.path("fromLocationId").asLong()).isEqualTo(sibling);
    assertThat(suggestion.path("status").asText()).isEqualTo("open");
    assertThat(suggestion.path("position").asInt()).isEqualTo(3);
    assertThat(suggestion.path("reorderPoint").asInt()).isEqualTo(4);
    assertThat(suggestion.path("quantity").asInt()).isEqualTo(6);

    // Both crash (kill -9); the supervisor starts them again, the jobs from their checkpoint.
    stack.crashFlink();
    stack.crashOltpService();
    sell(admin, store, sku, 1, "loop-3");
    awaitOnHandInClickHouse(sku, store, 2);
    assertThat(suggestions(admin, sku)).hasSize(1);

    String id = suggestion.path("id").asText();
    ApiClient.Reply accepted =
        admin.post("/api/transfer-suggestions/" + id + "/accept", null, "loop-accept");
    assertThat(accepted.status()).isEqualTo(200);
    long transfer = accepted.body().path("transferId").asLong();
    assertThat(transfer).isPositive();
    ApiClient.Reply draft = admin.get("/api/stock/documents/" + transfer);
    assertThat(draft.status()).isEqualTo(200);
    assertThat(draft.body().path("status").asText()).isEqualTo("draft");
    assertThat(draft.body().path("locationId").asLong())
        .isEqualTo(suggestion.path("fromLocationId").asLong());
    assertThat(draft.body().path("toLocationId").asLong()).isEqualTo(store);
    assertThat(draft.body().path("lines")).hasSize(1);
    assertThat(draft.body().path("lines").get(0).path("quantity").asInt()).isEqualTo(6);
    assertThat(draftTransfersTo(store, sku)).isEqualTo(1);

    // Accepted, not shipped: the store stays low, yet nothing more is suggested.
    stack.crashFlink();
    assertThat(stack.reconciler().awaitMatch(Duration.ofSeconds(120)).ok()).isTrue();
    assertThat(suggestions(admin, sku))
        .singleElement()
        .satisfies(s -> assertThat(s.path("status").asText()).isEqualTo("accepted"));
    Reconciler.Report report = stack.reconciler().run();
    assertThat(report.lines())
        .filteredOn(line -> line.contains("table=transfer_suggestion"))
        .singleElement()
        .satisfies(line -> assertThat(line).endsWith("status=OK"));
  }

  private static java.util.List<JsonNode> awaitSuggestions(ApiClient admin, long sku, int count) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> suggestions(admin, sku), list -> list.size() >= count);
  }

  private static java.util.List<JsonNode> suggestions(ApiClient admin, long sku) {
    ApiClient.Reply reply = admin.get("/api/transfer-suggestions?skuId=" + sku);
    assertThat(reply.status()).isEqualTo(200);
    java.util.List<JsonNode> list = new java.util.ArrayList<>();
    reply.body().forEach(list::add);
    return list;
  }

  private static void sell(ApiClient admin, long store, long sku, int units, String key) {
    ApiClient.Reply order =
        admin.post(
            "/api/orders",
            "{\"storeId\":%d,\"channel\":\"online\",\"lines\":[{\"skuId\":%d,\"quantity\":%d}]}"
                .formatted(store, sku, units),
            key);
    assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
    long id = order.body().path("id").asLong();
    assertThat(admin.post("/api/orders/" + id + "/pay", null, key + "-pay").status())
        .isEqualTo(200);
  }

  private static void awaitOnHandInClickHouse(long sku, long location, int onHand) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                Integer.toString(onHand)
                    .equals(
                        stack
                            .clickhouse()
                            .queryValue(
                                "SELECT toString(any(on_hand)) FROM stock_level FINAL"
                                    + " WHERE sku_id = %d AND location_id = %d"
                                        .formatted(sku, location))));
  }

  /** A new SKU held at two stores only, so that nothing else in the run touches it. */
  private static long newSku(long store, int atStore, long sibling, int atSibling)
      throws SQLException {
    try (Connection c = stack.postgres().connect()) {
      c.setAutoCommit(false);
      long product =
          single(
              c,
              "INSERT INTO products (code, name, kind, category) VALUES"
                  + " ('P-LOOP', 'Loop test article', 'goods', 'household') RETURNING id");
      long sku =
          single(
              c,
              "INSERT INTO skus (product_id, code, name, price) VALUES (?, 'SKU-LOOP',"
                  + " 'Loop test article', 4.99) RETURNING id",
              product);
      single(c, "SELECT set_config('chainstore.stock_reason', 'initial', true)::text <> ''");
      for (long[] holding : new long[][] {{store, atStore}, {sibling, atSibling}}) {
        single(
            c,
            "INSERT INTO stock (sku_id, location_id, on_hand) VALUES (?, ?, ?) RETURNING 1",
            sku,
            holding[0],
            (int) holding[1]);
      }
      c.commit();
      return sku;
    }
  }

  private static long draftTransfersTo(long store, long sku) throws SQLException {
    try (Connection c = stack.postgres().connect()) {
      return single(
          c,
          "SELECT count(*) FROM stock_documents d JOIN stock_document_lines l"
              + " ON l.document_id = d.id WHERE d.kind = 'transfer' AND d.to_location_id = ?"
              + " AND l.sku_id = ?",
          store,
          sku);
    }
  }

  private static long single(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Object value = rs.getObject(1);
        return value instanceof Number n ? n.longValue() : 1;
      }
    }
  }
}
