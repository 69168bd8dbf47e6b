package io.chainstore.demo;

import static io.chainstore.demo.ApiClient.require;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One busy store: 20 technicians who all perform one service (60 and 90 minutes), working 08:00 to
 * 20:00 every day, and a week of schedule already half full. Measures the slot search and booking
 * (throughput, p50/p99) at a fixed concurrency, then pgbench's TPC-B on the same PostgreSQL as the
 * yardstick; finally checks that every 201 is a row (none lost) and that no technician's live
 * bookings overlap (none double).
 */
final class BookingBench {

  private static final int TECHNICIANS = 20;
  private static final int DAYS = 7;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int WARM_UP_SECONDS = 15;

  private BookingBench() {}

  private record Setup(
      long store, long sku60, long sku90, List<Long> members, List<Long> technicians) {}

  private record Slice(List<Double> millis, int ok, int conflicts, int errors, Set<Long> booked) {}

  static int run(DemoOptions options, int clients, int seconds) throws Exception {
    Progress progress = new Progress(System.out);
    DemoMain.recreate(options.workDir());
    try (LocalStack stack =
        LocalStack.startTransactional(options.workDir(), Modules.fromSystemProperty(), progress)) {
      ApiClient admin = stack.adminApi();
      progress.step(
          "seeding one store, %d technicians and a week of bookings".formatted(TECHNICIANS));
      Setup setup = seed(stack, admin);
      LocalDate first = LocalDate.now(ZONE).plusDays(1);
      int prefilled = prefill(admin, setup, first);
      CheckoutBench.pgbench(stack.postgres().port(), "-i", "-q", "-s", "10");

      progress.step("warming up for %d s".formatted(WARM_UP_SECONDS));
      searches(admin, setup, first, clients, WARM_UP_SECONDS);
      bookings(admin, setup, first, clients, WARM_UP_SECONDS);

      CheckoutBench.checkpoint(stack.postgres());
      progress.step("slot search for %d s (%d clients)".formatted(seconds, clients));
      Slice search = searches(admin, setup, first, clients, seconds);
      CheckoutBench.checkpoint(stack.postgres());
      progress.step("booking for %d s (%d clients)".formatted(seconds, clients));
      Slice book = bookings(admin, setup, first, clients, seconds);
      progress.step("pgbench TPC-B for %d s".formatted(seconds));
      double tps = CheckoutBench.tpcB(stack.postgres(), clients, seconds);

      long lost;
      long doubles;
      try (var c = stack.postgres().connect();
          var s = c.createStatement()) {
        Set<Long> rows = new HashSet<>();
        try (ResultSet rs = s.executeQuery("SELECT id FROM bookings WHERE status = 'booked'")) {
          while (rs.next()) {
            rows.add(rs.getLong(1));
          }
        }
        lost = book.booked().stream().filter(id -> !rows.contains(id)).count();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM bookings a JOIN bookings b ON a.technician_id = b.technician_id"
                    + " AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
                    + " WHERE a.status = 'booked' AND b.status = 'booked'")) {
          rs.next();
          doubles = rs.getLong(1);
        }
      }
      System.out.printf(
          "slot search (1 store, %d technicians, a day of a week with %d bookings): %.0f searches/s,"
              + " p50 %.1f ms, p99 %.1f ms, %d errors (goal p99 < 50 ms)%n",
          TECHNICIANS,
          prefilled,
          search.millis().size() / (double) seconds,
          DemoMain.percentile(search.millis(), 50),
          DemoMain.percentile(search.millis(), 99),
          search.errors());
      System.out.printf(
          "booking (random technician and quarter-hour): %.0f requests/s, %.0f booked/s,"
              + " p50 %.1f ms, p99 %.1f ms, %d booked, %d refused as taken (409), %d errors%n",
          book.millis().size() / (double) seconds,
          book.ok() / (double) seconds,
          DemoMain.percentile(book.millis(), 50),
          DemoMain.percentile(book.millis(), 99),
          book.ok(),
          book.conflicts(),
          book.errors());
      System.out.printf("pgbench TPC-B: %.0f tps%n", tps);
      System.out.printf("lost bookings: %d, double bookings: %d (both must be 0)%n", lost, doubles);
      return lost == 0 && doubles == 0 ? 0 : 1;
    }
  }

  private static Setup seed(LocalStack stack, ApiClient admin) throws Exception {
    long store;
    List<Long> members = new ArrayList<>();
    try (var c = stack.postgres().connect();
        var s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "INSERT INTO locations (code, name, kind, time_zone) VALUES"
                  + " ('BENCH-SVC', 'Busy service store', 'store', '"
                  + ZONE.getId()
                  + "') RETURNING id")) {
        rs.next();
        store = rs.getLong(1);
      }
      try (ResultSet rs =
          s.executeQuery(
              "INSERT INTO members (name, phone) SELECT 'Bench member ' || g, '+8613' || lpad(g::text, 9, '0')"
                  + " FROM generate_series(1, 200) g RETURNING id")) {
        while (rs.next()) {
          members.add(rs.getLong(1));
        }
      }
    }
    var product =
        admin.post(
            "/api/catalog/products",
            "{\"code\":\"BENCH-CLEAN\",\"name\":\"Cleaning\",\"kind\":\"service\",\"category\":\"home\","
                + "\"skus\":[{\"code\":\"BC60\",\"name\":\"Cleaning 60\",\"price\":80.00},"
                + "{\"code\":\"BC90\",\"name\":\"Cleaning 90\",\"price\":120.00}]}",
            null);
    require(product, 201);
    long productId = product.body().path("id").asLong();
    long sku60 = product.body().path("skus").path(0).path("id").asLong();
    long sku90 = product.body().path("skus").path(1).path("id").asLong();
    require(
        admin.post(
            "/api/catalog/skus/" + sku60 + "/service-spec",
            "{\"areaTier\":\"any\",\"durationMinutes\":60,\"serviceType\":\"standard\"}",
            null),
        201);
    require(
        admin.post(
            "/api/catalog/skus/" + sku90 + "/service-spec",
            "{\"areaTier\":\"any\",\"durationMinutes\":90,\"serviceType\":\"standard\"}",
            null),
        201);
    StringBuilder hours = new StringBuilder();
    for (int d = 1; d <= 7; d++) {
      hours
          .append(d == 1 ? "" : ",")
          .append("{\"weekday\":%d,\"from\":\"08:00\",\"to\":\"20:00\"}".formatted(d));
    }
    List<Long> technicians = new ArrayList<>();
    for (int t = 1; t <= TECHNICIANS; t++) {
      var created =
          admin.post(
              "/api/technicians",
              "{\"storeId\":%d,\"name\":\"Tech %d\"}".formatted(store, t),
              null);
      require(created, 201);
      long id = created.body().path("id").asLong();
      require(
          admin.put("/api/technicians/" + id + "/skills", "{\"productIds\":[" + productId + "]}"),
          200);
      require(admin.put("/api/technicians/" + id + "/hours", "{\"hours\":[" + hours + "]}"), 200);
      technicians.add(id);
    }
    return new Setup(store, sku60, sku90, members, technicians);
  }

  /** Every other hour of every technician's week: 6 of the 12 working hours booked. */
  private static int prefill(ApiClient admin, Setup setup, LocalDate first) {
    int n = 0;
    for (int day = 0; day < DAYS; day++) {
      for (long technician : setup.technicians()) {
        for (int hour = 8; hour < 20; hour += 2) {
          String start =
              first.plusDays(day).atTime(hour, 0).atZone(ZONE).toOffsetDateTime().toString();
          require(
              admin.post("/api/bookings", body(setup, setup.sku60(), technician, start, n), null),
              201);
          n++;
        }
      }
    }
    return n;
  }

  private static String body(Setup setup, long sku, long technician, String start, int member) {
    return "{\"storeId\":%d,\"skuId\":%d,\"memberId\":%d,\"technicianId\":%d,\"startsAt\":\"%s\"}"
        .formatted(
            setup.store(),
            sku,
            setup.members().get(member % setup.members().size()),
            technician,
            start);
  }

  private static Slice searches(
      ApiClient admin, Setup setup, LocalDate first, int clients, int seconds) throws Exception {
    return concurrently(
        clients,
        seconds,
        (random, slice) -> {
          LocalDate day = first.plusDays(random.nextInt(DAYS));
          long sku = random.nextBoolean() ? setup.sku60() : setup.sku90();
          long start = System.nanoTime();
          var reply =
              admin.get(
                  "/api/bookings/slots?storeId=%d&skuId=%d&day=%s"
                      .formatted(setup.store(), sku, day));
          slice.millis().add((System.nanoTime() - start) / 1e6);
          return reply.status() == 200 ? 0 : -1;
        });
  }

  private static Slice bookings(
      ApiClient admin, Setup setup, LocalDate first, int clients, int seconds) throws Exception {
    return concurrently(
        clients,
        seconds,
        (random, slice) -> {
          LocalDate day = first.plusDays(random.nextInt(DAYS));
          long technician = setup.technicians().get(random.nextInt(TECHNICIANS));
          // A quarter-hour of 08:00-18:45 for 60 minutes: most fall in a free odd hour or overlap.
          int quarter = random.nextInt(44);
          String start =
              day.atTime(8 + quarter / 4, (quarter % 4) * 15)
                  .atZone(ZONE)
                  .toOffsetDateTime()
                  .toString();
          long t0 = System.nanoTime();
          var reply =
              admin.post(
                  "/api/bookings",
                  body(setup, setup.sku60(), technician, start, random.nextInt(1000)),
                  UUID.randomUUID().toString());
          slice.millis().add((System.nanoTime() - t0) / 1e6);
          if (reply.status() == 201) {
            slice.booked().add(reply.body().path("id").asLong());
            return 1;
          }
          return reply.status() == 409 ? 2 : -1;
        });
  }

  private interface Call {
    /** One request: 0 or 1 done, 2 refused as taken, -1 an error. */
    int run(SplittableRandom random, Slice slice) throws Exception;
  }

  private static Slice concurrently(int clients, int seconds, Call call) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Slice>> work = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long seed = System.nanoTime() + c;
      work.add(
          pool.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(seed);
                Slice mine = new Slice(new ArrayList<>(), 0, 0, 0, ConcurrentHashMap.newKeySet());
                int ok = 0;
                int conflicts = 0;
                int errors = 0;
                while (System.nanoTime() < end) {
                  int outcome = call.run(random, mine);
                  if (outcome == 1) {
                    ok++;
                  } else if (outcome == 2) {
                    conflicts++;
                  } else if (outcome < 0) {
                    errors++;
                  }
                }
                return new Slice(mine.millis(), ok, conflicts, errors, mine.booked());
              }));
    }
    List<Double> millis = new ArrayList<>();
    Set<Long> booked = new HashSet<>();
    int ok = 0;
    int conflicts = 0;
    int errors = 0;
    for (Future<Slice> f : work) {
      Slice s = f.get();
      millis.addAll(s.millis());
      booked.addAll(s.booked());
      ok += s.ok();
      conflicts += s.conflicts();
      errors += s.errors();
    }
    pool.shutdown();
    return new Slice(millis, ok, conflicts, errors, booked);
  }
}
