package io.chainstore.demo;

import io.chainstore.ingestion.CdcTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Freshness under load: POS orders (created and paid, 3 lines) at a steady {@code rate} a second
 * across the stores, with all four Flink jobs running (checkpointing as deployed), after two
 * minutes of warm-up (the first a ramp from zero); meanwhile, five times a second, a probe order at
 * a store of its own is paid, and the time from the payment's acknowledged commit until ClickHouse
 * shows it — in the store's KPIs and in its stock level — is measured.
 */
final class FreshnessBench {

  private static final int CLIENTS = 48;

  /**
   * The rate climbs from zero to the goal over the first minute, then holds. Two minutes: until
   * then the JVMs' JIT compilers take about a quarter of the two cores (measured per thread), which
   * is start-up, not the steady state the figure is about.
   */
  private static final int WARM_UP_SECONDS = 120;

  private FreshnessBench() {}

  static int run(DemoOptions options) throws Exception {
    return run(options, false);
  }

  /**
   * {@code soak}: the stores' stock is deep enough that no order is refused for it in the whole
   * run, and a {@link SoakRecorder} samples memory, slot WAL and freshness every minute.
   */
  static int run(DemoOptions options, boolean soak) throws Exception {
    Progress progress = new Progress(System.out);
    DemoMain.recreate(options.workDir());
    try (MemoryMeter memory = new MemoryMeter();
        LocalStack stack = startStack(options, soak, progress)) {
      // The last store takes only probe orders.
      DemoSeed.Chain chain =
          DemoSeed.seed(
              stack.postgres(),
              options.stores() + 1,
              options.skus() == null ? 500 : options.skus(),
              options.seed());
      List<Long> stores = chain.stores().subList(0, options.stores());
      long probeStore = chain.stores().get(options.stores());
      long probeSku = chain.skus().get(chain.skus().size() - 1);
      List<ApiClient> tills = new ArrayList<>();
      for (long store : chain.stores()) {
        tills.add(stack.adminApi().issueKey("bench till " + store, "pos", store));
      }
      ApiClient probeTill = tills.get(options.stores());
      holdProbeStock(stack, probeStore, probeSku);
      if (soak) {
        deepStock(stack, stores);
      }
      SoakRecorder recorder = soak ? new SoakRecorder(stack) : null;
      long nextSample = 0;
      progress.step(
          "load: %d orders/s for %d s (%d s warm-up) at %d stores, %d clients"
              .formatted(
                  options.rate(), options.seconds(), WARM_UP_SECONDS, stores.size(), CLIENTS));

      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS + options.seconds());
      long measureFrom = start + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
      AtomicLong ticket = new AtomicLong();
      AtomicInteger paid = new AtomicInteger();
      AtomicInteger paidMeasured = new AtomicInteger();
      // When the last measured order was paid: a load behind its schedule ends after `end`.
      AtomicLong lastPaid = new AtomicLong(end);
      Map<String, Integer> failures = new ConcurrentHashMap<>(); // by step and status
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> load = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        load.add(
            pool.submit(
                () -> {
                  SplittableRandom random = new SplittableRandom(client);
                  try (KeepAliveHttp http = new KeepAliveHttp(stack.apiUrl())) {
                    while (true) {
                      long due = start + dueNanos(ticket.getAndIncrement(), options.rate());
                      if (due >= end) {
                        return null;
                      }
                      long wait = due - System.nanoTime();
                      if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                      }
                      int s = random.nextInt(stores.size());
                      String key = tills.get(s).apiKey();
                      KeepAliveHttp.Reply created =
                          http.post("/api/orders", key, order(stores.get(s), chain, random));
                      if (created.status() != 201) {
                        failures.merge("create " + created.status(), 1, Integer::sum);
                        continue;
                      }
                      long id = orderId(created.body());
                      KeepAliveHttp.Reply pay = http.post("/api/orders/" + id + "/pay", key, "");
                      if (pay.status() == 200) {
                        paid.incrementAndGet();
                        if (due >= measureFrom) {
                          paidMeasured.incrementAndGet();
                          lastPaid.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                      } else {
                        failures.merge("pay " + pay.status(), 1, Integer::sum);
                      }
                    }
                  }
                }));
      }

      List<Double> kafka = new ArrayList<>();
      List<Double> kpi = new ArrayList<>();
      List<Double> stock = new ArrayList<>();
      int probes = 0;
      double lastProbe = 0;
      KafkaConsumer<String, String> orders = ordersTopic(stack.kafkaBootstrapServers());
      while (System.nanoTime() < end) {
        long next = System.nanoTime() + 200_000_000L;
        String body =
            "{\"storeId\":%d,\"channel\":\"pos\",\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                .formatted(probeStore, probeSku);
        ApiClient.Reply created = probeTill.post("/api/orders", body, null);
        long id = created.body().path("id").asLong();
        ApiClient.Reply payReply = probeTill.post("/api/orders/" + id + "/pay", null, null);
        long committed = System.nanoTime();
        if (payReply.status() != 200) {
          throw new IllegalStateException("probe payment failed: " + payReply.body());
        }
        probes++;
        double inKafka = awaitPaidInKafka(orders, id, committed);
        double[] seen = awaitProbe(stack, probeStore, probeSku, probes, committed);
        lastProbe = seen[0];
        if (committed >= measureFrom) {
          kafka.add(inKafka);
          kpi.add(seen[0]);
          stock.add(seen[1]);
          if (recorder != null) {
            if (nextSample == 0) {
              recorder.heapAtStart();
              // minute 0: the start of the measured time
              System.out.println(SoakRecorder.line(recorder.sample()));
              nextSample = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            }
            recorder.probe(seen[0]);
            if (System.nanoTime() >= nextSample) {
              System.out.println(SoakRecorder.line(recorder.sample()));
              nextSample += TimeUnit.MINUTES.toNanos(1);
            }
          }
        }
        long pause = next - System.nanoTime();
        if (pause > 0) {
          TimeUnit.NANOSECONDS.sleep(pause);
        }
      }
      for (Future<?> f : load) {
        f.get();
      }
      pool.shutdown();
      orders.close();
      if (recorder != null) {
        System.out.println(SoakRecorder.line(recorder.sample()));
        recorder.heapAtEnd();
        System.out.print(recorder.table());
        Path chart = options.workDir().resolve("soak.html");
        recorder.writeChart(chart);
        System.out.println("soak chart: " + chart);
      }
      double measuredSeconds = (lastPaid.get() - measureFrom) / 1e9;
      System.out.printf(
          "load: %.0f paid orders/s over the %.0f s the measured orders took (goal %d/s for %d s),"
              + " %d failed %s%n",
          paidMeasured.get() / measuredSeconds,
          measuredSeconds,
          options.rate(),
          options.seconds(),
          failures.values().stream().mapToInt(Integer::intValue).sum(),
          new TreeMap<>(failures));
      if (measuredSeconds > options.seconds() + 1) {
        System.out.printf(
            "the load fell behind its schedule: this machine did not take %d orders/s%n",
            options.rate());
      }
      if (kpi.isEmpty()) {
        System.out.printf(
            "the pipeline fell behind the load: the last probe (paid during warm-up) took %.0f ms%n",
            lastProbe);
      }
      print("commit -> Kafka (Debezium)", kafka);
      print("commit -> store_kpi", kpi);
      print("commit -> stock_level", stock);
      System.out.printf(
          "peak memory of all processes %d MB; machine: %d cores%n",
          memory.peakMegabytes(), Runtime.getRuntime().availableProcessors());
    }
    return 0;
  }

  /**
   * A soak keeps the jobs' state in RocksDB, as a long day needs; the jobs checkpoint as deployed.
   */
  private static LocalStack startStack(DemoOptions options, boolean soak, Progress progress) {
    Modules modules = Modules.fromSystemProperty();
    if (options.cluster()) {
      return LocalStack.startCluster(
          options.workDir(),
          modules,
          progress,
          options.flushMillis(),
          LocalStack.JOB_CHECKPOINT_MILLIS);
    }
    if (soak) {
      return LocalStack.startForSoak(options.workDir(), modules, progress, options.flushMillis());
    }
    return LocalStack.start(
        options.workDir(),
        modules,
        progress,
        options.flushMillis(),
        LocalStack.JOB_CHECKPOINT_MILLIS);
  }

  /** When the {@code i}-th order is due, from the start, on the ramp then at the rate. */
  static long dueNanos(long i, int rate) {
    double ramp = WARM_UP_SECONDS / 2.0;
    double onRamp = rate * ramp / 2;
    double seconds = i < onRamp ? Math.sqrt(2 * ramp * i / rate) : ramp + (i - onRamp) / rate;
    return (long) (seconds * 1e9);
  }

  /** A consumer at the end of the orders topic. */
  private static KafkaConsumer<String, String> ordersTopic(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "freshness-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    String topic = CdcTopics.topic("orders");
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  /** Milliseconds until Debezium has put the order's payment in Kafka (up to 120 s). */
  private static double awaitPaidInKafka(
      KafkaConsumer<String, String> orders, long id, long committed) {
    String idField = "\"id\":" + id + ",";
    long deadline = committed + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : orders.poll(Duration.ofMillis(5))) {
        String value = r.value();
        if (value != null
            && value.contains(idField)
            && value.contains("\"status\":\"paid\"")
            && value.contains("\"op\":\"u\"")) {
          return (System.nanoTime() - committed) / 1e6;
        }
      }
    }
    throw new IllegalStateException("order " + id + " did not reach Kafka in 120 s");
  }

  /** Milliseconds until the probe's sale is in the store's KPIs, and in its stock level. */
  private static double[] awaitProbe(
      LocalStack stack, long store, long sku, int probes, long committed)
      throws InterruptedException {
    double kpi = -1;
    double stock = -1;
    long deadline = committed + TimeUnit.SECONDS.toNanos(120);
    while (kpi < 0 || stock < 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("probe " + probes + " did not reach ClickHouse in 120 s");
      }
      var row =
          stack
              .clickhouse()
              .query(
                  ("SELECT (SELECT toInt64(sum(paid_orders)) FROM store_kpi FINAL"
                          + " WHERE grain = 'day' AND store_id = %d) AS orders,"
                          + " (SELECT toInt64(any(on_hand)) FROM stock_level FINAL"
                          + " WHERE sku_id = %d AND location_id = %d) AS on_hand")
                      .formatted(store, sku, store))
              .get(0);
      double now = (System.nanoTime() - committed) / 1e6;
      if (kpi < 0 && Long.parseLong(row.get("orders")) >= probes) {
        kpi = now;
      }
      if (stock < 0 && soldDown(row.get("on_hand"), probes)) {
        stock = now;
      }
      Thread.sleep(10); // the figure's resolution; polling harder loads ClickHouse
    }
    return new double[] {kpi, stock};
  }

  private static final int PROBE_STOCK = 100_000;

  private static boolean soldDown(String onHand, int probes) {
    return onHand != null && !onHand.isEmpty() && Long.parseLong(onHand) <= PROBE_STOCK - probes;
  }

  private static void holdProbeStock(LocalStack stack, long store, long sku) throws Exception {
    try (var c = stack.postgres().connect()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        s.execute("SELECT set_config('chainstore.stock_reason', 'initial', true)");
        s.executeUpdate(
            "UPDATE stock SET on_hand = %d WHERE sku_id = %d AND location_id = %d"
                .formatted(PROBE_STOCK, sku, store));
      }
      c.commit();
    }
  }

  /** Stock no run can sell out: a soak measures the steady state, not a chain running dry. */
  private static void deepStock(LocalStack stack, List<Long> stores) throws Exception {
    try (var c = stack.postgres().connect()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        s.execute("SELECT set_config('chainstore.stock_reason', 'initial', true)");
        for (long store : stores) {
          s.executeUpdate(
              "UPDATE stock SET on_hand = %d WHERE location_id = %d".formatted(PROBE_STOCK, store));
        }
      }
      c.commit();
    }
  }

  private static String order(long store, DemoSeed.Chain chain, SplittableRandom random) {
    int[] picked = random.ints(0, chain.skus().size() - 1).distinct().limit(3).toArray();
    StringBuilder lines = new StringBuilder();
    for (int l = 0; l < picked.length; l++) {
      lines
          .append(l == 0 ? "" : ",")
          .append("{\"skuId\":")
          .append(chain.skus().get(picked[l]))
          .append(",\"quantity\":1}");
    }
    return "{\"storeId\":%d,\"channel\":\"pos\",\"lines\":[%s]}".formatted(store, lines);
  }

  private static long orderId(String json) {
    int at = json.indexOf("\"id\":");
    int from = at + 5;
    int to = from;
    while (to < json.length() && Character.isDigit(json.charAt(to))) {
      to++;
    }
    return Long.parseLong(json.substring(from, to));
  }

  private static void print(String what, List<Double> millis) {
    if (millis.isEmpty()) {
      System.out.println(what + ": no probes measured");
      return;
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        "%s over %d probes: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        what,
        sorted.size(),
        DemoMain.percentile(sorted, 50),
        DemoMain.percentile(sorted, 95),
        DemoMain.percentile(sorted, 99),
        DemoMain.percentile(sorted, 100));
  }
}
