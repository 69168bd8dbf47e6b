package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastUnitRaceIT extends ApiTestSupport {

  @Test
  void fiftyCheckoutsForTenUnitsSellExactlyTen() throws Exception {
    Fixture f = fixture(new BigDecimal("9.99"), 10);
    String[] channels = {"online", "pickup", "pos"};
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      bodies.add(order(f.store(), channels[i % 3], f.sku(), 1));
    }
    int created = 0;
    int conflicts = 0;
    for (Reply r : ordersAtOnce(bodies)) {
      if (r.status() == 201) {
        created++;
      } else {
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().path("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(r.body().path("detail").asText()).contains("not enough stock");
        conflicts++;
      }
    }

    assertThat(created).isEqualTo(10);
    assertThat(conflicts).isEqualTo(40);
    assertThat(
            get("/api/stock/" + f.sku()).body().path("locations").get(0).path("available").asInt())
        .isZero();
    assertThat(reserved(f.sku(), f.store())).isEqualTo(10);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE store_id = ?", Long.class, f.store()))
        .isEqualTo(10);
  }
}
