package io.chainstore.demo;

import static io.chainstore.demo.ApiClient.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulates a trading day over the REST API: orders at random stores on every channel, most paid,
 * some cancelled before payment, some refunded after it. Each order's plan comes from the seed and
 * its number, so a run is repeatable whatever the thread interleaving.
 */
final class TradingSimulator {

  static final String[] CHANNELS = {
    "pos", "pos", "pos", "pos", "online", "online", "online", "pickup", "pickup", "pickup"
  };

  record Stats(
      int created,
      int paid,
      int cancelledUnpaid,
      int refunded,
      int returned,
      int rejected,
      int couponsUsed,
      int pointsSpent) {}

  private final ApiClient storefront;
  private final Map<Long, ApiClient> tills = new HashMap<>();
  private final DemoSeed.Chain chain;
  private final long seed;
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger paid = new AtomicInteger();
  private final AtomicInteger cancelledUnpaid = new AtomicInteger();
  private final AtomicInteger refunded = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger returned = new AtomicInteger();
  private final AtomicInteger couponsUsed = new AtomicInteger();
  private final AtomicInteger pointsSpent = new AtomicInteger();
  private final Map<Long, String> couponsByMember = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger done = new AtomicInteger();

  /** Issues, through the HQ admin client, a storefront key and a POS key per store. */
  TradingSimulator(ApiClient admin, DemoSeed.Chain chain, long seed) {
    this.storefront = admin.issueKey("demo storefront", "storefront", null);
    for (long store : chain.stores()) {
      tills.put(store, admin.issueKey("demo till at store " + store, "pos", store));
    }
    issueCoupons(admin, chain, seed);
    this.chain = chain;
    this.seed = seed;
  }

  /** Places orders {@code from} (inclusive) to {@code to} (exclusive) with a few parallel tills. */
  Stats trade(int from, int to, int tills, Progress progress) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tills);
    List<Future<?>> work = new ArrayList<>();
    int total = to - from;
    int reportEvery = Math.max(1, total / 10);
    for (int i = from; i < to; i++) {
      int number = i;
      work.add(
          pool.submit(
              () -> {
                placeOrder(number);
                int n = done.incrementAndGet();
                if (n % reportEvery == 0 || n == total) {
                  progress.step(
                      "trading: %d/%d orders (paid %d, cancelled %d, refunded %d, returns %d, rejected %d)"
                          .formatted(
                              n,
                              total,
                              paid.get(),
                              cancelledUnpaid.get(),
                              refunded.get(),
                              returned.get(),
                              rejected.get()));
                }
                return null;
              }));
    }
    try {
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      done.set(0);
    }
    return new Stats(
        created.get(),
        paid.get(),
        cancelledUnpaid.get(),
        refunded.get(),
        returned.get(),
        rejected.get(),
        couponsUsed.get(),
        pointsSpent.get());
  }

  /** A campaign: 2.00 off from 15.00, one coupon for every member. */
  private void issueCoupons(ApiClient admin, DemoSeed.Chain chain, long seed) {
    java.time.Instant now = java.time.Instant.now();
    long template =
        Campaigns.create(
            admin,
            "DEMO-" + seed,
            "Demo week",
            new Campaigns.Offer(
                "DEMO-" + seed + "-2OFF", "2.00 off from 15.00", "2.00", "15.00", null),
            now.minusSeconds(86_400),
            now.plusSeconds(7 * 86_400),
            "demo-" + seed);
    String members =
        chain.members().stream()
            .map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(","));
    ApiClient.Reply issued =
        admin.post(
            "/api/coupon-templates/" + template + "/issue",
            "{\"batch\":\"demo-%d\",\"memberIds\":[%s]}".formatted(seed, members),
            null);
    require(issued, 200);
    issued
        .body()
        .path("issued")
        .forEach(c -> couponsByMember.put(c.path("memberId").asLong(), c.path("code").asText()));
  }

  private void placeOrder(int number) {
    // SplittableRandom mixes its seed well; java.util.Random's first draws from close seeds do not.
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
    long store = chain.stores().get(random.nextInt(chain.stores().size()));
    String channel = CHANNELS[random.nextInt(CHANNELS.length)];
    String member =
        random.nextInt(10) < 7
            ? Long.toString(chain.members().get(random.nextInt(chain.members().size())))
            : "null";
    StringBuilder lines = new StringBuilder();
    List<Long> skus = new ArrayList<>(chain.skus());
    int lineCount = 1 + random.nextInt(3);
    for (int l = 0; l < lineCount; l++) {
      long sku = skus.remove(random.nextInt(skus.size()));
      if (l > 0) {
        lines.append(',');
      }
      lines
          .append("{\"skuId\":")
          .append(sku)
          .append(",\"quantity\":")
          .append(1 + random.nextInt(3))
          .append('}');
    }
    String body =
        "{\"storeId\":%d,\"channel\":\"%s\",\"memberId\":%s,\"lines\":[%s]}"
            .formatted(store, channel, member, lines);
    String key = "demo-" + seed + "-" + number;
    // Storefronts place online and pickup orders; the store's till rings up POS sales.
    ApiClient api = "pos".equals(channel) ? tills.get(store) : storefront;
    // Some members bring a coupon or spend points; refused (too small a basket, too few points),
    // the customer checks out without them.
    String extras = "";
    if (!"null".equals(member)) {
      String coupon =
          random.nextInt(100) < 20 ? couponsByMember.remove(Long.parseLong(member)) : null;
      if (coupon != null) {
        extras += ",\"couponCode\":\"" + coupon + "\"";
      }
      if (random.nextInt(100) < 15) {
        extras += ",\"pointsToRedeem\":25";
      }
    }
    ApiClient.Reply order =
        api.post(
            "/api/orders", body.substring(0, body.length() - 1) + extras + "}", key + "-create");
    if (!extras.isEmpty()
        && (order.status() == 409 || order.status() == 422)
        && order.body().path("field").asText().matches("couponCode|pointsToRedeem")) {
      order = api.post("/api/orders", body, key + "-create-plain");
    } else if (!extras.isEmpty() && order.status() == 201) {
      if (extras.contains("couponCode")) {
        couponsUsed.incrementAndGet();
      }
      if (extras.contains("pointsToRedeem")) {
        pointsSpent.incrementAndGet();
      }
    }
    if (order.status() == 409) {
      rejected.incrementAndGet();
      return;
    }
    require(order, 201);
    created.incrementAndGet();
    long id = order.body().path("id").asLong();
    int fate = random.nextInt(100);
    if (fate < 7) {
      require(api.post("/api/orders/" + id + "/cancel", null, key + "-cancel"), 200);
      cancelledUnpaid.incrementAndGet();
      return;
    }
    require(api.post("/api/orders/" + id + "/pay", null, key + "-pay"), 200);
    paid.incrementAndGet();
    if (fate < 12) {
      require(api.post("/api/orders/" + id + "/cancel", null, key + "-cancel"), 200);
      refunded.incrementAndGet();
      return;
    }
    // The store hands the goods over: shipped, carried out, or collected.
    ApiClient till = tills.get(store);
    String handOver = "pickup".equals(channel) ? "/pickup" : "/fulfil";
    require(till.post("/api/orders/" + id + handOver, null, key + "-handover"), 200);
    if (fate < 20) {
      // A unit of the first line comes back to the store.
      require(
          till.post(
              "/api/orders/" + id + "/returns",
              "{\"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}",
              key + "-return"),
          200);
      returned.incrementAndGet();
    } else {
      require(till.post("/api/orders/" + id + "/complete", null, key + "-complete"), 200);
    }
  }
}
