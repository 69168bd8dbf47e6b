package io.chainstore.oltp.repair;

import io.chainstore.oltp.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A line is a part or labour and names what that kind needs, nothing else: a field that belongs to
 * the other kind is refused rather than ignored (strict input).
 */
final class LineShapes {

  private LineShapes() {}

  static void check(List<WorkOrderRequests.Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      WorkOrderRequests.Line line = lines.get(i);
      String at = "lines[" + i + "].";
      if (line.kind().equals(WorkOrder.PART)) {
        require(line.skuId() != null, at + "skuId", "a part names its SKU");
        require(line.quantity() != null, at + "quantity", "a part names its quantity");
        forbid(line.description(), at + "description", "a part");
        forbid(line.amount(), at + "amount", "a part");
        forbid(line.hours(), at + "hours", "a part");
        forbid(line.rate(), at + "rate", "a part");
      } else {
        forbid(line.skuId(), at + "skuId", "labour");
        forbid(line.quantity(), at + "quantity", "labour");
        require(line.description() != null, at + "description", "labour is described");
        if (line.amount() != null) {
          forbid(line.hours(), at + "hours", "labour with an amount");
          forbid(line.rate(), at + "rate", "labour with an amount");
        } else {
          require(line.hours() != null, at + "hours", "labour has an amount or hours and a rate");
          require(line.rate() != null, at + "rate", "hours need a rate");
        }
      }
    }
  }

  private static void require(boolean present, String field, String why) {
    if (!present) {
      throw new ApiException(HttpStatus.BAD_REQUEST, field, "is required: " + why);
    }
  }

  private static void forbid(Object value, String field, String kind) {
    if (value != null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, field, "is not a field of " + kind);
    }
  }
}
