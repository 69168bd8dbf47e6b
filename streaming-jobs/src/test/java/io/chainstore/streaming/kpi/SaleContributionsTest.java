package io.chainstore.streaming.kpi;

import static io.chainstore.streaming.sales.Rows.line;
import static io.chainstore.streaming.sales.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.sales.OrderEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class SaleContributionsTest {

  @Test
  void countsAPaymentOnceHoweverOftenItIsDeliveredAndReportsEachSku() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<Long, OrderEvent, StoreDelta> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new SaleContributions(), OrderEvent::orderId, Types.LONG)) {
      harness.processElement(OrderEvent.of(order("created", "6.00", "6.00", 2), 10, false), 0);
      harness.processElement(OrderEvent.of(line(1, 101, 2, "6.00", "goods"), 11, false), 0);
      assertThat(harness.extractOutputValues()).isEmpty();

      OrderEvent paid = OrderEvent.of(order("paid", "6.00", "6.00", 2), 20, false);
      harness.processElement(paid, 0);
      harness.processElement(paid, 0);
      assertThat(harness.extractOutputValues()).hasSize(1);
      assertThat(harness.extractOutputValues().get(0).measures().netSales())
          .isEqualByComparingTo("6.00");
      assertThat(harness.getSideOutput(SaleContributions.SKU_DELTAS))
          .extracting(StreamRecord::getValue)
          .extracting(SkuDelta::skuId, SkuDelta::units)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(101L, 2L));
    }
  }
}
