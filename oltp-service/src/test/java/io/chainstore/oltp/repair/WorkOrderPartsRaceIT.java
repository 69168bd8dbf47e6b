package io.chainstore.oltp.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.access.Role;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A work order and a POS sale racing for the last unit of a part: exactly one gets it. */
class WorkOrderPartsRaceIT extends RepairTestSupport {

  @Test
  void theLastUnitOfAPartGoesToTheWorkOrderOrToTheTillNeverBoth() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int workOrderWins = 0;
    int saleWins = 0;
    try {
      for (int round = 0; round < 10; round++) {
        Shop s = shop("8.00", 1);
        String pos = keyFor(Role.POS, s.store());
        long id = open(s.technician());
        CountDownLatch start = new CountDownLatch(1);
        Future<Reply> fitted =
            pool.submit(
                () -> {
                  start.await();
                  return addPart(s.technician(), id, s.part(), 1);
                });
        Future<Reply> sold =
            pool.submit(
                () -> {
                  start.await();
                  return postAs(pos, "/api/orders", order(s.store(), "pos", s.part(), 1), null);
                });
        start.countDown();
        Reply fit = fitted.get();
        Reply sale = sold.get();
        boolean workOrderGotIt = fit.status() == 200;
        boolean saleGotIt = sale.status() == 201;
        assertThat(workOrderGotIt ^ saleGotIt)
            .as("round %d: work order %d, sale %d", round, fit.status(), sale.status())
            .isTrue();
        Reply loser = workOrderGotIt ? sale : fit;
        assertThat(loser.status()).isEqualTo(409);
        assertThat(loser.body().path("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(reserved(s.part(), s.store())).isEqualTo(1);
        assertThat(onHand(s.part(), s.store())).isEqualTo(1);
        assertThat(
                jdbc.queryForObject(
                    "SELECT count(*) FROM work_order_lines WHERE work_order_id = ?",
                    Long.class,
                    id))
            .isEqualTo(workOrderGotIt ? 1 : 0);
        workOrderWins += workOrderGotIt ? 1 : 0;
        saleWins += saleGotIt ? 1 : 0;
      }
    } finally {
      pool.shutdown();
    }
    assertThat(workOrderWins + saleWins).isEqualTo(10);
  }
}
