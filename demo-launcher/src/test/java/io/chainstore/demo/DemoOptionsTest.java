package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.demo.reconcile.Reconciler;
import io.chainstore.demo.reconcile.TableResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void defaultsAndOverrides() {
    DemoOptions defaults = DemoOptions.parse(new String[0], 300);
    assertThat(defaults.orders()).isEqualTo(300);
    assertThat(defaults.keepRunning()).isFalse();
    assertThat(defaults.skus()).isNull();
    DemoOptions set =
        DemoOptions.parse(
            new String[] {
              "--orders", "50", "--stores", "2", "--seed", "9", "--keep-running", "--skus", "20"
            },
            300);
    assertThat(set.skus()).isEqualTo(20);
    assertThat(set.orders()).isEqualTo(50);
    assertThat(set.stores()).isEqualTo(2);
    assertThat(set.seed()).isEqualTo(9);
    assertThat(set.keepRunning()).isTrue();
  }

  @Test
  void rejectsBadOptionsClearly() {
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--orders", "0"}, 300))
        .hasMessage("--orders must be positive");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--orders", "many"}, 300))
        .hasMessage("--orders must be a whole number");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--colour"}, 300))
        .hasMessage("unknown option --colour");
  }

  @Test
  void reconciliationLinesHaveTheAgreedShape() {
    Reconciler.Summary totals =
        new Reconciler.Summary(3, 3, new BigDecimal("10.50"), new BigDecimal("10.50"));
    Reconciler.Report ok =
        new Reconciler.Report(List.of(new TableResult("store_kpi", 12, 12, 0, List.of())), totals);
    assertThat(ok.lines())
        .containsExactly(
            "reconciliation: table=store_kpi rows_pg=12 rows_ch=12 differing=0 status=OK",
            "reconciliation: orders_pg=3 orders_ch=3 net_sales_pg=10.50 net_sales_ch=10.50 status=OK");
    Reconciler.Report bucketOff =
        new Reconciler.Report(
            List.of(
                new TableResult(
                    "store_kpi",
                    12,
                    12,
                    1,
                    List.of("store_kpi day|1|pos|2026-11-28: units pg=2 ch=1"))),
            totals);
    assertThat(bucketOff.lines().get(0))
        .isEqualTo(
            "reconciliation: table=store_kpi rows_pg=12 rows_ch=12 differing=1 status=MISMATCH\n"
                + "  store_kpi day|1|pos|2026-11-28: units pg=2 ch=1");
    assertThat(bucketOff.summaryLine()).endsWith("status=MISMATCH");
  }

  @Test
  void percentiles() {
    List<Double> values = List.of(5.0, 1.0, 3.0, 2.0, 4.0);
    assertThat(DemoMain.percentile(values, 50)).isEqualTo(3.0);
    assertThat(DemoMain.percentile(values, 100)).isEqualTo(5.0);
  }
}
