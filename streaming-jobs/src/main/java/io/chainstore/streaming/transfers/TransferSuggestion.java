package io.chainstore.streaming.transfers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A suggested transfer as the job sends it to the transactional service. Its id is derived from the
 * SKU, the receiving store and the LSN of the change it was decided on, so a job restored from a
 * checkpoint that decides again on the same change sends the same id.
 */
public record TransferSuggestion(
    String id,
    long skuId,
    long fromLocationId,
    long toLocationId,
    int quantity,
    int reorderPoint,
    int position,
    double velocityPerDay,
    Double daysOfCover,
    String reason,
    long basedOnLsn,
    long suggestedAtMillis)
    implements Serializable {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static String idFor(long skuId, long toLocationId, long basedOnLsn) {
    return UUID.nameUUIDFromBytes(
            ("transfer-suggestion|" + skuId + "|" + toLocationId + "|" + basedOnLsn)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The message value: JSON with decimals as strings. */
  public byte[] toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", id)
        .put("skuId", skuId)
        .put("fromLocationId", fromLocationId)
        .put("toLocationId", toLocationId)
        .put("quantity", quantity)
        .put("reorderPoint", reorderPoint)
        .put("position", position)
        .put("velocityPerDay", decimal(velocityPerDay, 3))
        .put("daysOfCover", daysOfCover == null ? null : decimal(daysOfCover, 1))
        .put("reason", reason)
        .put("basedOnLsn", basedOnLsn)
        .put("suggestedAt", Instant.ofEpochMilli(suggestedAtMillis).toString());
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String decimal(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }
}
