package io.chainstore.oltp.kpitarget;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class KpiTargetIT extends ApiTestSupport {

  private static final String TARGET =
      "{\"netSales\": 12500.00, \"orders\": 300, \"newMembers\": 25}";

  @Test
  void hqSetsTargetsAndManagersSeeTheirOwn() {
    Fixture a = fixture(new BigDecimal("1.00"), 1);
    Fixture b = fixture(new BigDecimal("1.00"), 1);
    assertThat(
            putAs(adminKey, "/api/kpi-targets/" + a.store() + "/month/2026-12-01", TARGET).status())
        .isEqualTo(200);
    // Setting again replaces.
    Reply replaced =
        putAs(
            adminKey,
            "/api/kpi-targets/" + a.store() + "/month/2026-12-01",
            TARGET.replace("300", "320"));
    assertThat(replaced.body().path("orders").asInt()).isEqualTo(320);
    putAs(adminKey, "/api/kpi-targets/" + b.store() + "/day/2026-12-05", TARGET);

    String managerA = keyFor(Role.STORE_MANAGER, a.store());
    Reply own = getAs(managerA, "/api/kpi-targets?from=2026-12-01&to=2026-12-31");
    assertThat(own.body()).hasSize(1);
    assertThat(own.body().get(0).path("netSales").decimalValue()).isEqualByComparingTo("12500.00");
    assertThat(
            getAs(
                    managerA,
                    "/api/kpi-targets?storeId=" + b.store() + "&from=2026-12-01&to=2026-12-31")
                .status())
        .isEqualTo(403);
    assertThat(
            putAs(managerA, "/api/kpi-targets/" + a.store() + "/day/2026-12-02", TARGET).status())
        .isEqualTo(403);
  }

  @Test
  void badTargetsAreRefusedAndChangeNothing() {
    Fixture a = fixture(new BigDecimal("1.00"), 1);
    Reply midMonth = putAs(adminKey, "/api/kpi-targets/" + a.store() + "/month/2026-12-15", TARGET);
    assertThat(midMonth.status()).isEqualTo(422);
    assertThat(midMonth.body().path("field").asText()).isEqualTo("periodStart");
    Reply week = putAs(adminKey, "/api/kpi-targets/" + a.store() + "/week/2026-12-07", TARGET);
    assertThat(week.status()).isEqualTo(400);
    assertThat(week.body().path("field").asText()).isEqualTo("periodType");
    Reply negative =
        putAs(
            adminKey,
            "/api/kpi-targets/" + a.store() + "/day/2026-12-07",
            TARGET.replace("300", "-1"));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body().path("field").asText()).isEqualTo("orders");
    for (String day : new String[] {"+9999999-01-01", "1969-12-31", "2100-01-01", "2026-02-30"}) {
      Reply outside = putAs(adminKey, "/api/kpi-targets/" + a.store() + "/day/" + day, TARGET);
      assertThat(outside.status()).as(day).isEqualTo(400);
      assertThat(outside.body().path("field").asText()).isEqualTo("periodStart");
    }
    Reply fractional =
        putAs(
            adminKey,
            "/api/kpi-targets/" + a.store() + "/day/2026-12-07",
            TARGET.replace("300", "2.9"));
    assertThat(fractional.status()).isEqualTo(400);
    assertThat(fractional.body().path("field").asText()).isEqualTo("orders");
    Reply query = get("/api/kpi-targets?from=%2B9999999-01-01&to=2026-12-31");
    assertThat(query.status()).isEqualTo(400);
    assertThat(query.body().path("field").asText()).isEqualTo("from");
    assertThat(get("/api/kpi-targets?storeId=999999999&from=2026-01-01&to=2026-12-31").status())
        .isEqualTo(404);
    Reply warehouse =
        putAs(adminKey, "/api/kpi-targets/" + a.warehouse() + "/day/2026-12-07", TARGET);
    assertThat(warehouse.status()).isEqualTo(422);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM kpi_targets WHERE store_id IN (?, ?)",
                Long.class,
                a.store(),
                a.warehouse()))
        .isZero();
  }
}
