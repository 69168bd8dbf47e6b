package io.chainstore.oltp.repair;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineShapesTest {

  private static final BigDecimal ONE = BigDecimal.ONE;

  private static WorkOrderRequests.Line line(
      String kind, Long sku, Integer qty, String text, BigDecimal amt, BigDecimal h, BigDecimal r) {
    return new WorkOrderRequests.Line(kind, sku, qty, text, amt, h, r);
  }

  private static void refused(WorkOrderRequests.Line bad, String field) {
    WorkOrderRequests.Line good = line("labour", null, null, "fit", ONE, null, null);
    assertThatThrownBy(() -> LineShapes.check(List.of(good, bad)))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).field())
        .isEqualTo(field);
  }

  @Test
  void partsAndLabourOfEitherFormPass() {
    assertThatCode(
            () ->
                LineShapes.check(
                    List.of(
                        line("part", 1L, 2, null, null, null, null),
                        line("labour", null, null, "fit", ONE, null, null),
                        line("labour", null, null, "fit", null, ONE, ONE))))
        .doesNotThrowAnyException();
  }

  @Test
  void eachKindRefusesWhatItLacksAndWhatBelongsToTheOther() {
    refused(line("part", null, 2, null, null, null, null), "lines[1].skuId");
    refused(line("part", 1L, null, null, null, null, null), "lines[1].quantity");
    refused(line("part", 1L, 2, "x", null, null, null), "lines[1].description");
    refused(line("part", 1L, 2, null, ONE, null, null), "lines[1].amount");
    refused(line("labour", 1L, null, "fit", ONE, null, null), "lines[1].skuId");
    refused(line("labour", null, 1, "fit", ONE, null, null), "lines[1].quantity");
    refused(line("labour", null, null, null, ONE, null, null), "lines[1].description");
    refused(line("labour", null, null, "fit", null, null, null), "lines[1].hours");
    refused(line("labour", null, null, "fit", null, ONE, null), "lines[1].rate");
    refused(line("labour", null, null, "fit", ONE, ONE, null), "lines[1].hours");
  }
}
