package io.chainstore.demo;

import static io.chainstore.demo.ApiClient.require;

/** A store's stock work during the day: a transfer from the warehouse and a stocktake. */
final class StockOperations {

  record Done(long transferId, int transferDiscrepancy, long stocktakeId, int variance) {}

  private StockOperations() {}

  /** Ships two SKUs from the warehouse to the first store (one unit goes missing), then counts. */
  static Done run(ApiClient admin, DemoSeed.Chain chain) {
    long store = chain.stores().get(0);
    long first = chain.skus().get(0);
    long second = chain.skus().get(1);
    ApiClient.Reply draft =
        admin.post(
            "/api/stock/transfers",
            ("{\"fromLocationId\":%d,\"toLocationId\":%d,\"reference\":\"replenishment\","
                    + "\"lines\":[{\"skuId\":%d,\"quantity\":20},{\"skuId\":%d,\"quantity\":10}]}")
                .formatted(chain.warehouse(), store, first, second),
            "demo-transfer");
    require(draft, 201);
    long transfer = draft.body().path("id").asLong();
    require(
        admin.post("/api/stock/transfers/" + transfer + "/ship", null, "demo-transfer-ship"), 200);
    require(
        admin.post(
            "/api/stock/transfers/" + transfer + "/receive",
            "{\"lines\":[{\"skuId\":%d,\"quantity\":19}]}".formatted(first),
            "demo-transfer-receive"),
        200);

    ApiClient.Reply sheet =
        admin.post(
            "/api/stock/stocktakes", "{\"locationId\":%d}".formatted(store), "demo-stocktake");
    require(sheet, 201);
    long stocktake = sheet.body().path("id").asLong();
    int book = 0;
    for (var line : sheet.body().path("lines")) {
      if (line.path("skuId").asLong() == second) {
        book = line.path("bookQuantity").asInt();
      }
    }
    require(
        admin.put(
            "/api/stock/stocktakes/" + stocktake + "/counts",
            "{\"lines\":[{\"skuId\":%d,\"quantity\":%d}]}"
                .formatted(second, Math.max(0, book - 2))),
        200);
    require(
        admin.post("/api/stock/stocktakes/" + stocktake + "/post", null, "demo-stocktake-post"),
        200);
    return new Done(transfer, 1, stocktake, Math.min(2, book));
  }
}
