package io.chainstore.demo;

import io.chainstore.ingestion.CdcTopics;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A month of trading as Debezium would have written it, straight into the CDC topics: stores and
 * warehouses, members, coupons, and per order its row, three lines, its payment, and per line the
 * stock row and the sale in the movement ledger. For the replay benchmark.
 */
final class HistoryGenerator {

  /** What was written: events per table, and the LSN of the last change each job waits for. */
  record History(
      Map<String, Long> events, long lastOrderLsn, long lastStockLsn, long lastCouponOrderLsn) {

    long eventsOf(String... tables) {
      long n = 0;
      for (String t : tables) {
        n += events.getOrDefault(t, 0L);
      }
      return n;
    }
  }

  static final int STORES = 200;
  static final int SKUS = 2000;
  private static final long START = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
  private static final long MONTH = 30L * 86_400_000L;
  private static final String[] CHANNELS = {"pos", "pos", "online", "pickup"};
  private static final String[] ZONES = {"Asia/Shanghai", "Europe/Berlin"};

  private final KafkaProducer<String, String> producer;
  private final Map<String, Long> events = new HashMap<>();
  private long lsn = 1_000_000;

  private HistoryGenerator(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** Writes {@code orders} orders (and what they need) to the topics. */
  static History write(String bootstrapServers, int orders, int members) {
    HistoryGenerator g = new HistoryGenerator(bootstrapServers);
    try (g.producer) {
      return g.run(orders, members);
    }
  }

  private History run(int orders, int members) {
    SplittableRandom random = new SplittableRandom(7);
    for (int s = 1; s <= STORES + 2; s++) {
      boolean warehouse = s > STORES;
      send(
          "locations",
          s,
          "r",
          START,
          "{\"id\":%d,\"code\":\"L%d\",\"name\":\"Location %d\",\"kind\":\"%s\",\"latitude\":\"%s\",\"longitude\":\"%s\",\"time_zone\":\"%s\"}"
              .formatted(
                  s,
                  s,
                  s,
                  warehouse ? "warehouse" : "store",
                  // numeric(9,6), as the connector sends it
                  String.format(java.util.Locale.ROOT, "%.6f", 52 + random.nextInt(1000) / 1000.0),
                  String.format(java.util.Locale.ROOT, "%.6f", 13 + random.nextInt(1000) / 1000.0),
                  ZONES[s % 2]));
    }
    for (int m = 1; m <= members; m++) {
      long at = START + (long) m * MONTH / members / 2;
      send(
          "members",
          m,
          "c",
          at,
          "{\"id\":%d,\"name\":\"M%d\",\"phone\":\"+49%d\",\"store_id\":%d,\"channel\":\"pos\",\"created_at\":\"%s\"}"
              .formatted(m, m, 1_000_000 + m, 1 + m % STORES, Instant.ofEpochMilli(at)));
    }
    int coupons = orders / 10;
    for (int c = 1; c <= coupons; c++) {
      send(
          "coupons",
          c,
          "c",
          START,
          "{\"id\":%d,\"template_id\":1,\"member_id\":%d,\"code\":\"C%d\",\"status\":\"issued\",\"issued_at\":\"%s\"}"
              .formatted(c, 1 + c % members, c, Instant.ofEpochMilli(START)));
    }
    Map<Long, Integer> onHand = new HashMap<>();
    long movement = 0;
    long lastOrder = 0;
    long lastStock = 0;
    long lastCouponOrder = 0;
    for (int o = 1; o <= orders; o++) {
      long at = START + (long) o * MONTH / orders;
      int store = 1 + random.nextInt(STORES);
      String channel = CHANNELS[random.nextInt(CHANNELS.length)];
      long member = random.nextInt(10) < 7 ? 1 + random.nextInt(members) : 0;
      Long coupon = o % 10 == 0 && member > 0 ? (long) (o / 10) : null;
      int[] skus = random.ints(1, SKUS + 1).distinct().limit(3).toArray();
      int[] quantities = {1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(3)};
      long cents = 0;
      int units = 0;
      for (int l = 0; l < 3; l++) {
        cents += quantities[l] * (199L + skus[l] % 2000);
        units += quantities[l];
      }
      long couponCents = coupon == null ? 0 : 100;
      String subtotal = money(cents);
      String total = money(cents - couponCents);
      String created = Instant.ofEpochMilli(at).toString();
      String paid = Instant.ofEpochMilli(at + 30_000).toString();
      String order =
          "{\"id\":%d,\"store_id\":%d,\"channel\":\"%s\",\"member_id\":%s,\"coupon_id\":%s,\"status\":\"%s\",\"subtotal_amount\":\"%s\",\"member_discount\":\"0.00\",\"coupon_discount\":\"%s\",\"points_discount\":\"0.00\",\"total_amount\":\"%s\",\"total_units\":%d,\"created_at\":\"%s\",\"paid_at\":%s,\"cancelled_at\":null,\"refunded_amount\":\"0.00\",\"returned_units\":0}";
      String memberText = member == 0 ? "null" : Long.toString(member);
      String couponText = coupon == null ? "null" : coupon.toString();
      send(
          "orders",
          o,
          "c",
          at,
          order.formatted(
              o,
              store,
              channel,
              memberText,
              couponText,
              "pending",
              subtotal,
              money(couponCents),
              total,
              units,
              created,
              "null"));
      for (int l = 0; l < 3; l++) {
        send(
            "order_lines",
            o,
            "c",
            at,
            "{\"order_id\":%d,\"line_no\":%d,\"sku_id\":%d,\"quantity\":%d,\"unit_price\":\"%s\",\"line_amount\":\"%s\",\"returned_quantity\":0,\"product_kind\":\"goods\"}"
                .formatted(
                    o,
                    l + 1,
                    skus[l],
                    quantities[l],
                    money(199L + skus[l] % 2000),
                    money(quantities[l] * (199L + skus[l] % 2000))));
      }
      lastOrder =
          send(
              "orders",
              o,
              "u",
              at + 30_000,
              order.formatted(
                  o,
                  store,
                  channel,
                  memberText,
                  couponText,
                  "paid",
                  subtotal,
                  money(couponCents),
                  total,
                  units,
                  created,
                  "\"" + paid + "\""));
      if (coupon != null) {
        lastCouponOrder = lastOrder;
      }
      for (int l = 0; l < 3; l++) {
        long key = (long) skus[l] * 1000 + store;
        int left = onHand.merge(key, -quantities[l], Integer::sum) + 1_000_000;
        // stock-transfer-suggestions is done once its stock_level rows carry this LSN (a movement
        // makes no stock_level row of its own)
        lastStock =
            send(
                "stock",
                skus[l],
                "u",
                at + 30_000,
                "{\"sku_id\":%d,\"location_id\":%d,\"on_hand\":%d,\"reserved\":0,\"in_transit\":0,\"updated_at\":\"%s\"}"
                    .formatted(skus[l], store, left, paid));
        send(
            "stock_movements",
            skus[l],
            "c",
            at + 30_000,
            "{\"id\":%d,\"sku_id\":%d,\"location_id\":%d,\"on_hand_change\":%d,\"reserved_change\":%d,\"in_transit_change\":0,\"on_hand_after\":%d,\"reserved_after\":0,\"in_transit_after\":0,\"reason\":\"sale\",\"document\":\"order:%d\",\"created_at\":\"%s\"}"
                .formatted(
                    ++movement, skus[l], store, -quantities[l], -quantities[l], left, o, paid));
      }
    }
    producer.flush();
    return new History(Map.copyOf(events), lastOrder, lastStock, lastCouponOrder);
  }

  /** A heartbeat of the connector at {@code at}: event time for member-tags. */
  static void heartbeat(String bootstrapServers, long at) {
    HistoryGenerator g = new HistoryGenerator(bootstrapServers);
    try (g.producer) {
      g.producer.send(
          new ProducerRecord<>(
              CdcTopics.heartbeatTopic(),
              "{\"serverName\":\"chainstore\"}",
              "{\"ts_ms\":" + at + "}"));
      g.producer.flush();
    }
  }

  static long end() {
    return START + MONTH + 60_000;
  }

  private long send(String table, long key, String op, long commitMillis, String row) {
    lsn += 8;
    String event =
        "{\"before\":null,\"after\":"
            + row
            + ",\"source\":{\"connector\":\"postgresql\",\"name\":\"chainstore\",\"schema\":\"public\",\"table\":\""
            + table
            + "\",\"lsn\":"
            + lsn
            + ",\"ts_ms\":"
            + commitMillis
            + "},\"op\":\""
            + op
            + "\",\"ts_ms\":"
            + commitMillis
            + "}";
    producer.send(new ProducerRecord<>(CdcTopics.topic(table), Long.toString(key), event));
    events.merge(table, 1L, Long::sum);
    return lsn;
  }

  private static String money(long cents) {
    return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
  }
}
