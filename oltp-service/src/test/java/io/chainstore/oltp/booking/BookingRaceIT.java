package io.chainstore.oltp.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 100 clients book the same technician for the same hour at once: one gets it. */
class BookingRaceIT extends BookingTestSupport {

  @Test
  void oneOfAHundredConcurrentBookingsOfOneSlotWins() throws Exception {
    Shop shop = shop();
    String body =
        booking(shop, shop.sku60(), shop.at(shop.tomorrow(), "15:00"), shop.tech1(), null);
    int clients = 100;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Reply> replies = new ArrayList<>();
    try {
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String key = "race-" + i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return post("/api/bookings", body, key);
                }));
      }
      start.countDown();
      for (Future<Reply> f : futures) {
        replies.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    List<Integer> statuses = replies.stream().map(Reply::status).toList();
    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    assertThat(statuses.stream().filter(s -> s == 409)).hasSize(clients - 1);
    assertThat(
            replies.stream()
                .filter(r -> r.status() == 409)
                .map(r -> r.body().path("field").asText())
                .distinct())
        .containsExactly("technicianId");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM bookings WHERE technician_id = ?",
                Integer.class,
                shop.tech1()))
        .isEqualTo(1);
  }
}
