package io.chainstore.demo.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A chain's history, drawn from a seed: stores of different sizes in three time zones, a catalog
 * whose sales follow a long tail, members who buy again at their own rate until they lapse
 * (BG/NBD-like), a weekly and yearly rhythm, online, click-and-collect and till orders, a monthly
 * coupon campaign whose coupons some members redeem, cancellations, partial returns, payments,
 * monthly targets and today's stock. Every order adds up as the service would have written it
 * (lines, discounts, totals, refunds per line). Rows go out a day at a time in id order.
 */
final class ChainHistory {

  static final double MEAN_LINES = 2.9;

  /**
   * The sales of the last week go through the stock ledger (one sale movement per SKU and store):
   * the mean age of the transfer job's sales velocity, so its velocity is the week's daily rate.
   */
  static final int LEDGER_DAYS = 7;

  static final double MEMBER_SHARE = 0.7;
  private static final long COUPON_OFF = 500;
  private static final long COUPON_MIN_SPEND = 3_000;
  private static final double[] WEEKDAY = {0.9, 0.9, 0.95, 1.0, 1.2, 1.4, 0.65};
  private static final double[] MONTH = {
    0.85, 0.85, 0.95, 1.0, 1.0, 0.95, 0.95, 0.95, 1.0, 1.0, 1.1, 1.4
  };
  private static final double SEASON_MAX = 1.4 * 1.4 * 1.05;
  private static final double[] HOURS = {3, 5, 7, 9, 11, 9, 7, 7, 9, 11, 11, 8, 4}; // 8:00-20:59
  private static final double[] HOUR_CUMULATIVE = Draws.cumulative(HOURS);
  private static final String[] ZONES = {"Europe/Berlin", "Europe/London", "Asia/Shanghai"};
  private static final String[] CITIES = {
    "Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Leipzig", "Dresden",
    "Hanover", "Nuremberg", "Bremen", "Essen", "Dortmund", "Bonn", "Kiel", "Mainz"
  };
  private static final String[] FIRST = {
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah", "Jonas", "Lea", "Lukas",
    "Mia", "Noah", "Paul", "Sophie", "Tim", "Lina", "Max", "Nora", "Elias"
  };
  private static final String[] LAST = {
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun"
  };

  /** Category, lowest and highest price in cents, share of sales. */
  private record Category(String name, long low, long high, double weight) {}

  private static final Category[] CATEGORIES = {
    new Category("grocery", 49, 999, 0.30),
    new Category("fresh", 99, 1_499, 0.20),
    new Category("beverages", 59, 1_999, 0.14),
    new Category("household", 99, 2_499, 0.10),
    new Category("personal care", 149, 2_999, 0.09),
    new Category("baby", 199, 3_999, 0.04),
    new Category("pet", 99, 4_999, 0.04),
    new Category("home and garden", 299, 9_999, 0.04),
    new Category("electronics", 499, 19_999, 0.03),
    new Category("apparel", 499, 7_999, 0.02)
  };

  private final GenerateOptions o;
  private final LocalDate firstDay;
  private final Instant windowStart;
  private final Instant windowEnd;

  ChainHistory(GenerateOptions options) {
    this.o = options;
    this.firstDay = options.endDate().minusDays(options.days() - 1L);
    this.windowStart = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    this.windowEnd = options.endDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** How busy a day is, relative to an average one: weekday, month and a slow growth. */
  double season(LocalDate day) {
    double trend = 1 + 0.05 * (day.toEpochDay() - firstDay.toEpochDay()) / 365.0;
    return WEEKDAY[day.getDayOfWeek().getValue() - 1] * MONTH[day.getMonthValue() - 1] * trend;
  }

  HistorySummary write(HistoryRows out) {
    SplittableRandom random = new SplittableRandom(o.seed());
    Stores stores = stores(random.split(), out);
    Catalog catalog = catalog(random.split(), out);
    Members members = members(random.split());
    Purchases purchases = purchases(members);
    out.endOfDay(firstDay.minusDays(1));
    return trade(random.split(), stores, catalog, members, purchases, out);
  }

  // --- stores and catalog ---

  private record Stores(double[] cumulative, String[] zones, ZoneId[] zoneIds, int warehouse) {
    int count() {
      return zones.length;
    }
  }

  private Stores stores(SplittableRandom r, HistoryRows out) {
    int n = o.stores();
    double[] weights = new double[n];
    String[] zones = new String[n];
    ZoneId[] ids = new ZoneId[n];
    String opened = windowStart.minus(java.time.Duration.ofDays(3 * 365)).toString();
    for (int s = 0; s < n; s++) {
      // Store sizes: a few flagships, many small ones.
      weights[s] = Math.exp(0.6 * Draws.normal(r));
      double z = r.nextDouble();
      zones[s] = z < 0.85 ? ZONES[0] : z < 0.95 ? ZONES[1] : ZONES[2];
      ids[s] = ZoneId.of(zones[s]);
      String city = CITIES[s % CITIES.length];
      out.add(
          HistoryTable.LOCATIONS,
          s + 1,
          "S%04d".formatted(s + 1),
          city + " " + (s / CITIES.length + 1),
          "store",
          coordinate(r, 47.5, 7),
          coordinate(r, 6.0, 9),
          "08:00-21:00",
          zones[s],
          opened);
    }
    out.add(
        HistoryTable.LOCATIONS,
        n + 1,
        "W0001",
        "Central warehouse",
        "warehouse",
        "51.000000",
        "10.000000",
        null,
        ZONES[0],
        opened);
    return new Stores(Draws.cumulative(weights), zones, ids, n + 1);
  }

  private static String coordinate(SplittableRandom r, double from, double span) {
    return String.format(java.util.Locale.ROOT, "%.6f", from + r.nextDouble() * span);
  }

  /** SKUs by popularity rank: {@code skuAtRank[rank]} is a SKU id. */
  private record Catalog(
      double[] cumulative,
      int[] skuAtRank,
      long[] price,
      int[] category,
      long[] unitsSold,
      int[][] lastWeek) {}

  private Catalog catalog(SplittableRandom r, HistoryRows out) {
    int n = o.skus();
    double[] categoryCumulative =
        Draws.cumulative(Arrays.stream(CATEGORIES).mapToDouble(Category::weight).toArray());
    long[] price = new long[n + 1];
    int[] category = new int[n + 1];
    String created = windowStart.minus(java.time.Duration.ofDays(3 * 365)).toString();
    for (int k = 1; k <= n; k++) {
      int c = Draws.pick(r, categoryCumulative);
      Category cat = CATEGORIES[c];
      // Log-uniform between the category's bounds, ending in 9 as shelf prices do.
      double p = cat.low * Math.pow((double) cat.high / cat.low, r.nextDouble());
      price[k] = Math.max(9, Math.round(p / 10) * 10 - 1);
      category[k] = c;
      String name = "%s article %d".formatted(capitalized(cat.name), k);
      out.add(HistoryTable.PRODUCTS, k, "P%06d".formatted(k), name, "goods", cat.name, created);
      out.add(
          HistoryTable.SKUS,
          k,
          k,
          "SKU%06d".formatted(k),
          name,
          "40%011d".formatted(k),
          Cents.text(price[k]),
          created,
          created);
    }
    // Popularity: a Zipf-like long tail over a shuffled order of the SKUs.
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[i] = i + 1;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = rank[i];
      rank[i] = rank[j];
      rank[j] = t;
    }
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = 1 / Math.pow(i + 1, 0.9);
    }
    return new Catalog(
        Draws.cumulative(weights),
        rank,
        price,
        category,
        new long[n + 1],
        new int[n + 1][o.stores() + 1]);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // --- members and when they buy ---

  /**
   * Members in id order (ids follow sign-up time). {@code home} is the store (index + 1) a member
   * signed up at, 0 online; {@code online} the share of their orders placed online; {@code
   * affinity} how likely they use a coupon they hold.
   */
  private record Members(
      long[] signup, int[] home, float[] online, float[] affinity, int[] heldCoupon) {
    int count() {
      return signup.length;
    }
  }

  private Members members(SplittableRandom r) {
    int n = o.members();
    long start = windowStart.getEpochSecond();
    long span = windowEnd.getEpochSecond() - start;
    long[] signup = new long[n];
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < 0.55) {
        // The existing base: joined in the three years before the window.
        signup[i] = start - 1 - (long) (r.nextDouble() * 3 * 365 * 86_400L);
      } else {
        long at;
        do {
          at = start + (long) (r.nextDouble() * span);
        } while (r.nextDouble() * SEASON_MAX > season(utcDay(at)));
        signup[i] = at;
      }
    }
    Arrays.sort(signup);
    return new Members(signup, new int[n], new float[n], new float[n], new int[n]);
  }

  private record Purchases(int[] dayStart, int[] member) {}

  /**
   * Each member's purchase days: a Poisson process at their own rate (gamma across members), shaped
   * by the season, ending for good after any purchase with their own dropout probability (beta
   * across members). Rates are scaled so members place about {@link #MEMBER_SHARE} of the orders
   * the requested lines make.
   */
  private Purchases purchases(Members m) {
    double target = o.orderLines() / MEAN_LINES * MEMBER_SHARE;
    double scale = target / (m.count() * (o.days() / 30.0) * 0.5 + 1);
    for (int pass = 0; pass < 4; pass++) {
      long n = simulate(m, scale, (d, i) -> {});
      scale *= target / Math.max(1, n);
    }
    int[] perDay = new int[o.days() + 1];
    simulate(m, scale, (d, i) -> perDay[d]++);
    int[] dayStart = new int[o.days() + 1];
    for (int d = 0; d < o.days(); d++) {
      dayStart[d + 1] = dayStart[d] + perDay[d];
    }
    int[] next = Arrays.copyOf(dayStart, o.days());
    int[] member = new int[dayStart[o.days()]];
    simulate(m, scale, (d, i) -> member[next[d]++] = i);
    return new Purchases(dayStart, member);
  }

  private interface PurchaseSink {
    void bought(int day, int member);
  }

  /** Runs every member's process with the same draws each time; returns the purchases. */
  private long simulate(Members m, double scale, PurchaseSink sink) {
    long start = windowStart.getEpochSecond();
    long end = windowEnd.getEpochSecond();
    long count = 0;
    for (int i = 0; i < m.count(); i++) {
      SplittableRandom r = new SplittableRandom(o.seed() * 1_000_003L + i);
      double rate = scale * Draws.gamma(r, 0.8) / 86_400; // per second
      double dropout = Draws.beta(r, 1.0, 9.0);
      m.online[i] = (float) (r.nextDouble() < 0.2 ? Draws.beta(r, 5, 2) : Draws.beta(r, 1, 12));
      m.affinity[i] = (float) Draws.beta(r, 1.5, 3);
      m.home[i] = r.nextDouble() < 0.25 ? 0 : -1; // a store is drawn later, with the stores' sizes
      boolean existing = m.signup[i] < start;
      if (existing && r.nextDouble() < 0.25) {
        continue; // lapsed before the window
      }
      double t = Math.max(start, m.signup[i]);
      while (true) {
        t += Draws.exponential(r, rate * SEASON_MAX);
        if (t >= end) {
          break;
        }
        LocalDate day = utcDay((long) t);
        if (r.nextDouble() * SEASON_MAX > season(day)) {
          continue;
        }
        sink.bought((int) (day.toEpochDay() - firstDay.toEpochDay()), i);
        count++;
        if (r.nextDouble() < dropout) {
          break;
        }
      }
    }
    return count;
  }

  private static LocalDate utcDay(long epochSecond) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
  }

  // --- trading ---

  private record Planned(long at, int member, int store, String channel) {}

  private HistorySummary trade(
      SplittableRandom r,
      Stores stores,
      Catalog catalog,
      Members m,
      Purchases purchases,
      HistoryRows out) {
    for (int i = 0; i < m.count(); i++) {
      if (m.home[i] != 0) {
        m.home[i] = 1 + Draws.pick(r, stores.cumulative);
      }
    }
    long memberOrders = purchases.member.length;
    long anonymousOrders = Math.max(0, Math.round(o.orderLines() / MEAN_LINES) - memberOrders);
    double seasonSum = 0;
    for (int d = 0; d < o.days(); d++) {
      seasonSum += season(firstDay.plusDays(d));
    }
    Counters n = new Counters();
    Map<Long, long[]> monthly = new HashMap<>(); // (store, month) -> net cents, orders, members
    int signedUp = 0;
    long orderId = 0;
    double anonymousCarry = 0;
    for (int d = 0; d < o.days(); d++) {
      LocalDate day = firstDay.plusDays(d);
      long dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      while (signedUp < m.count() && m.signup[signedUp] < dayEnd) {
        member(signedUp, m, r, monthly, out);
        signedUp++;
      }
      if (day.getDayOfMonth() == 1 || d == 0) {
        campaign(day, signedUp, m, r, n, out);
      }
      List<Planned> planned = new ArrayList<>();
      for (int p = purchases.dayStart[d]; p < purchases.dayStart[d + 1]; p++) {
        int i = purchases.member[p];
        int store =
            m.home[i] != 0 && r.nextDouble() < 0.8
                ? m.home[i]
                : 1 + Draws.pick(r, stores.cumulative);
        double c = r.nextDouble();
        String channel = c < m.online[i] ? "online" : c < m.online[i] + 0.06 ? "pickup" : "pos";
        planned.add(new Planned(at(r, day, stores.zoneIds[store - 1]), i, store, channel));
      }
      anonymousCarry += anonymousOrders * season(day) / seasonSum;
      int anonymous = (int) anonymousCarry;
      anonymousCarry -= anonymous;
      for (int a = 0; a < anonymous; a++) {
        int store = 1 + Draws.pick(r, stores.cumulative);
        double c = r.nextDouble();
        String channel = c < 0.12 ? "online" : c < 0.16 ? "pickup" : "pos";
        planned.add(new Planned(at(r, day, stores.zoneIds[store - 1]), -1, store, channel));
      }
      planned.sort((x, y) -> Long.compare(x.at, y.at));
      boolean ledger = d >= o.days() - LEDGER_DAYS;
      for (Planned p : planned) {
        order(++orderId, p, r, catalog, m, n, monthly, ledger, out);
      }
      out.endOfDay(day);
    }
    n.stock = stock(r, stores, catalog, out);
    targets(r, monthly, out);
    out.endOfDay(o.endDate());
    return new HistorySummary(
        m.count(),
        orderId,
        n.lines,
        n.memberOrders,
        n.coupons,
        n.redeemed,
        n.returns,
        n.cancelled,
        n.stock,
        firstDay,
        o.endDate());
  }

  private static final class Counters {
    long lines;
    long memberOrders;
    long coupons;
    long redeemed;
    long returns;
    long cancelled;
    long stock;
    long couponId;
    long returnId;
    int campaigns;
    long couponValidFrom;
    long couponValidTo;
  }

  /** A time of day on {@code day} in the store's zone, busiest around noon and after work. */
  private static long at(SplittableRandom r, LocalDate day, ZoneId zone) {
    int hour = 8 + Draws.pick(r, HOUR_CUMULATIVE);
    return day.atTime(LocalTime.of(hour, r.nextInt(60), r.nextInt(60)))
        .atZone(zone)
        .toEpochSecond();
  }

  private void member(
      int i, Members m, SplittableRandom r, Map<Long, long[]> monthly, HistoryRows out) {
    long id = i + 1L;
    String first = FIRST[r.nextInt(FIRST.length)];
    String last = LAST[r.nextInt(LAST.length)];
    String email =
        r.nextDouble() < 0.6
            ? (first + "." + last + id + "@example.com").toLowerCase(java.util.Locale.ROOT)
            : null;
    int home = m.home[i];
    out.add(
        HistoryTable.MEMBERS,
        id,
        first + " " + last,
        "+49170%08d".formatted(id),
        email,
        home == 0 ? null : home,
        home == 0 ? "online" : "pos",
        Instant.ofEpochSecond(m.signup[i]).toString());
    if (home != 0 && m.signup[i] >= windowStart.getEpochSecond()) {
      monthly.computeIfAbsent(monthKey(home, m.signup[i]), k -> new long[3])[2]++;
    }
  }

  /** The month's campaign: one 5.00-off coupon for a tenth of the members who have joined. */
  private void campaign(
      LocalDate day, int joined, Members m, SplittableRandom r, Counters n, HistoryRows out) {
    n.campaigns++;
    long id = n.campaigns;
    Arrays.fill(m.heldCoupon, 0); // last month's coupons have run out
    YearMonth month = YearMonth.from(day);
    String code = "GEN-" + month;
    Instant starts = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant ends = starts.plus(java.time.Duration.ofDays(30));
    out.add(
        HistoryTable.CAMPAIGNS,
        id,
        code,
        month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
            + " "
            + month.getYear()
            + " offers",
        starts.toString(),
        ends.toString(),
        starts.toString());
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < joined; i++) {
      if (r.nextDouble() < 0.1) {
        chosen.add(i);
      }
    }
    out.add(
        HistoryTable.COUPON_TEMPLATES,
        id,
        id,
        code + "-5OFF",
        "5.00 off from 30.00",
        "amount_off",
        Cents.text(COUPON_OFF),
        Cents.text(COUPON_MIN_SPEND),
        "all",
        starts.toString(),
        ends.toString(),
        1,
        chosen.size(),
        starts.toString());
    String issued = starts.plusSeconds(6 * 3600).toString();
    for (int i : chosen) {
      long coupon = ++n.couponId;
      out.add(HistoryTable.COUPONS, coupon, id, i + 1L, "G" + coupon, "issued", code, issued);
      m.heldCoupon[i] = (int) coupon;
    }
    n.coupons += chosen.size();
    n.couponValidFrom = starts.getEpochSecond() + 6 * 3600;
    n.couponValidTo = ends.getEpochSecond();
  }

  private void order(
      long id,
      Planned p,
      SplittableRandom r,
      Catalog catalog,
      Members m,
      Counters n,
      Map<Long, long[]> monthly,
      boolean ledger,
      HistoryRows out) {
    int lines = Math.min(15, 1 + Draws.poisson(r, MEAN_LINES - 1));
    int[] sku = new int[lines];
    int[] quantity = new int[lines];
    long[] amount = new long[lines];
    long subtotal = 0;
    int units = 0;
    for (int l = 0; l < lines; l++) {
      sku[l] = distinctSku(r, catalog, sku, l);
      double q = r.nextDouble();
      quantity[l] = q < 0.72 ? 1 : q < 0.92 ? 2 : q < 0.98 ? 3 : 4 + r.nextInt(3);
      amount[l] = quantity[l] * catalog.price[sku[l]];
      subtotal += amount[l];
      units += quantity[l];
    }
    boolean cancelled = r.nextDouble() < 0.01;
    long created = p.at;
    long paid = created + (p.channel.equals("pos") ? 30 + r.nextInt(90) : 60);
    long end = windowEnd.getEpochSecond();
    Long coupon = null;
    long couponOff = 0;
    if (!cancelled && p.member >= 0 && m.heldCoupon[p.member] != 0) {
      int held = m.heldCoupon[p.member];
      boolean valid = paid >= n.couponValidFrom && paid < n.couponValidTo;
      if (valid && subtotal >= COUPON_MIN_SPEND && r.nextDouble() < m.affinity[p.member]) {
        coupon = (long) held;
        couponOff = Math.min(COUPON_OFF, subtotal);
        m.heldCoupon[p.member] = 0;
      }
    }
    long total = subtotal - couponOff;
    String status;
    Long fulfilled = null;
    Long completed = null;
    if (cancelled) {
      status = "cancelled";
    } else {
      long fulfil =
          p.channel.equals("pos") ? paid : paid + (p.channel.equals("online") ? 86_400 : 4 * 3600);
      long complete = p.channel.equals("online") ? paid + 3 * 86_400 : fulfil;
      if (fulfil >= end) {
        status = "paid";
      } else if (complete >= end) {
        status = "fulfilled";
        fulfilled = fulfil;
      } else {
        status = "completed";
        fulfilled = fulfil;
        completed = complete;
      }
    }
    // A partial return of one line, one to fourteen days after completion.
    int returnLine = -1;
    int returned = 0;
    long refund = 0;
    long returnedAt = 0;
    if (completed != null && units > 1 && r.nextDouble() < 0.025) {
      returnedAt = completed + 86_400 + r.nextInt(13 * 86_400);
      if (returnedAt < end) {
        returnLine = r.nextInt(lines);
        returned = 1 + r.nextInt(Math.min(quantity[returnLine], units - 1));
        long share = Cents.share(total, subtotal, amount, returnLine);
        refund = (2 * share * returned + quantity[returnLine]) / (2L * quantity[returnLine]);
      }
    }
    long updated =
        returnLine >= 0
            ? returnedAt
            : cancelled
                ? created + 900
                : completed != null ? completed : fulfilled != null ? fulfilled : paid;
    Long memberId = p.member >= 0 ? p.member + 1L : null;
    out.add(
        HistoryTable.ORDERS,
        id,
        p.store,
        p.channel,
        memberId,
        status,
        Cents.text(subtotal),
        "0.00",
        coupon,
        Cents.text(couponOff),
        "0.00",
        Cents.text(total),
        units,
        Cents.text(refund),
        returned,
        time(created),
        cancelled ? null : time(paid),
        fulfilled == null ? null : time(fulfilled),
        completed == null ? null : time(completed),
        cancelled ? time(created + 900) : null,
        time(updated));
    for (int l = 0; l < lines; l++) {
      out.add(
          HistoryTable.ORDER_LINES,
          id,
          l + 1,
          sku[l],
          quantity[l],
          Cents.text(catalog.price[sku[l]]),
          Cents.text(amount[l]),
          l == returnLine ? returned : 0,
          "goods");
    }
    n.lines += lines;
    if (p.member >= 0) {
      n.memberOrders++;
    }
    if (cancelled) {
      n.cancelled++;
      return;
    }
    for (int l = 0; l < lines; l++) {
      int sold = quantity[l] - (l == returnLine ? returned : 0);
      catalog.unitsSold[sku[l]] += sold;
      if (ledger) {
        catalog.lastWeek[sku[l]][p.store] += sold;
      }
    }
    payment(id, p.channel, total, paid, r, out);
    if (coupon != null) {
      out.add(HistoryTable.REDEEMED, coupon, id, time(paid));
      n.redeemed++;
    }
    if (returnLine >= 0) {
      long returnId = ++n.returnId;
      out.add(
          HistoryTable.ORDER_RETURNS, returnId, id, p.store, Cents.text(refund), time(returnedAt));
      out.add(
          HistoryTable.ORDER_RETURN_LINES,
          returnId,
          returnLine + 1,
          returned,
          Cents.text(refund),
          id);
      n.returns++;
    }
    long[] month = monthly.computeIfAbsent(monthKey(p.store, paid), k -> new long[3]);
    month[0] += total - refund;
    month[1]++;
  }

  private static int distinctSku(SplittableRandom r, Catalog catalog, int[] chosen, int count) {
    while (true) {
      int sku = catalog.skuAtRank[Draws.pick(r, catalog.cumulative)];
      boolean seen = false;
      for (int i = 0; i < count; i++) {
        seen |= chosen[i] == sku;
      }
      if (!seen) {
        return sku;
      }
    }
  }

  private static void payment(
      long order, String channel, long total, long paid, SplittableRandom r, HistoryRows out) {
    if (total == 0) {
      return;
    }
    String method;
    if (channel.equals("online")) {
      method = "online";
    } else {
      double m = r.nextDouble();
      method = m < 0.6 ? "card" : m < 0.85 ? "cash" : "mobile";
    }
    Long tendered = null;
    long change = 0;
    if (method.equals("cash")) {
      // The next note up: 5.00 steps.
      tendered = (total + 499) / 500 * 500;
      change = tendered - total;
    }
    out.add(
        HistoryTable.ORDER_PAYMENTS,
        order,
        1,
        method,
        Cents.text(total),
        tendered == null ? null : Cents.text(tendered),
        Cents.text(change),
        time(paid));
  }

  /**
   * Today's stock: every store holds every SKU for ten to thirty days of its sales (one row in a
   * hundred runs low), the warehouse for a month of the chain's. Stores open with that plus the
   * last week's sales, which then leave through the ledger.
   */
  private long stock(SplittableRandom r, Stores stores, Catalog catalog, HistoryRows out) {
    String now = windowEnd.toString();
    double total = stores.cumulative[stores.count() - 1];
    long rows = 0;
    for (int k = 1; k < catalog.unitsSold.length; k++) {
      double perDay = (double) catalog.unitsSold[k] / o.days();
      for (int s = 0; s < stores.count(); s++) {
        double weight = stores.cumulative[s] - (s == 0 ? 0 : stores.cumulative[s - 1]);
        double storePerDay = perDay * weight / total;
        int onHand =
            r.nextDouble() < 0.01
                ? (int) storePerDay
                : 2 + (int) Math.round(storePerDay * (10 + r.nextInt(21)));
        int lastWeek = catalog.lastWeek[k][s + 1];
        out.add(HistoryTable.STOCK, k, s + 1, onHand + lastWeek, 0, 0, now);
        if (lastWeek > 0) {
          out.add(HistoryTable.STOCK_SALES, k, s + 1, lastWeek);
        }
        rows++;
      }
      out.add(
          HistoryTable.STOCK, k, stores.warehouse, 100 + (int) Math.round(perDay * 30), 0, 0, now);
      rows++;
    }
    return rows;
  }

  /** HQ's monthly targets: what each store did, give or take, rounded as planners do. */
  private void targets(SplittableRandom r, Map<Long, long[]> monthly, HistoryRows out) {
    String now = windowEnd.toString();
    List<Long> keys = new ArrayList<>(monthly.keySet());
    keys.sort(null);
    for (long key : keys) {
      long[] v = monthly.get(key);
      double factor = 0.9 + 0.25 * r.nextDouble();
      int store = (int) (key / 1_000_000);
      YearMonth month = YearMonth.of((int) (key % 1_000_000 / 100), (int) (key % 100));
      out.add(
          HistoryTable.KPI_TARGETS,
          store,
          "month",
          month.atDay(1).toString(),
          Cents.text(Math.round(v[0] * factor / 10_000) * 10_000),
          Math.round(v[1] * factor),
          Math.round(v[2] * factor),
          now);
    }
  }

  private static long monthKey(int store, long epochSecond) {
    LocalDate day = utcDay(epochSecond);
    return store * 1_000_000L + day.getYear() * 100L + day.getMonthValue();
  }

  private static String time(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }
}
