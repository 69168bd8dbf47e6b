package io.chainstore.streaming.kpi;

import static io.chainstore.streaming.sales.Rows.line;
import static io.chainstore.streaming.sales.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chainstore.streaming.sales.OrderEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SaleContributionsTest {

  private static KeyedOneInputStreamOperatorTestHarness<Long, OrderEvent, StoreDelta> harness()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new SaleContributions(20, 100), OrderEvent::orderId, Types.LONG);
  }

  private static final OrderEvent CREATED =
      OrderEvent.of(order("created", "6.00", "6.00", 2), 10, false);
  private static final OrderEvent LINE = OrderEvent.of(line(1, 101, 2, "6.00", "goods"), 11, false);
  private static final OrderEvent PAID = OrderEvent.of(order("paid", "6.00", "6.00", 2), 20, false);

  @Test
  void countsAPaymentOnceHoweverOftenItIsDeliveredAndReportsEachSku() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement(CREATED, 0);
      harness.processElement(LINE, 0);
      harness.setProcessingTime(20);
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.processElement(PAID, 0);
      harness.setProcessingTime(40);
      harness.processElement(PAID, 0);
      harness.setProcessingTime(60);
      assertThat(harness.extractOutputValues())
          .singleElement()
          .satisfies(delta -> assertThat(delta.measures().netSales()).isEqualByComparingTo("6.00"))
          .extracting(StoreDelta::lsn)
          .isEqualTo(20L);
      assertThat(harness.getSideOutput(SaleContributions.SKU_DELTAS))
          .extracting(StreamRecord::getValue)
          .extracting(SkuDelta::skuId, SkuDelta::units)
          .containsExactly(tuple(101L, 2L));
    }
  }

  @Test
  void aBurstOfEventsIsAppliedInOrderWithinOneBatchAndNothingLeavesBeforeItEnds() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement(CREATED, 0);
      harness.processElement(LINE, 0);
      harness.processElement(PAID, 0);
      harness.processElement(PAID, 0);
      OrderEvent cancelled = OrderEvent.of(order("cancelled", "6.00", "6.00", 2), 30, false);
      harness.processElement(cancelled, 0);
      harness.setProcessingTime(19);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.setProcessingTime(20);
      // Paid, then cancelled: counted and taken out again, each with its own LSN.
      assertThat(harness.extractOutputValues())
          .extracting(StoreDelta::lsn, delta -> delta.measures().paidOrders())
          .containsExactly(tuple(20L, 1L), tuple(30L, -1L));
    }
  }

  @Test
  void aCheckpointHoldsEveryEventBeforeItsBarrierAndARestoreGoesOnFromThere() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness()) {
      harness.open();
      harness.processElement(CREATED, 0);
      harness.processElement(LINE, 0);
      harness.prepareSnapshotPreBarrier(1);
      snapshot = harness.snapshot(1, 0);
      assertThat(harness.extractOutputValues()).isEmpty();
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(LINE, 0); // a replay of what came after the checkpoint: a duplicate
      restored.processElement(PAID, 0);
      restored.setProcessingTime(20);
      assertThat(restored.extractOutputValues())
          .singleElement()
          .extracting(delta -> delta.measures().units())
          .isEqualTo(2L);
    }
  }
}
