package io.chainstore.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** HQ's look at the transfer suggestions: waits for the first ones and accepts the oldest. */
final class TransferReview {

  /** The suggestions seen open, and the one accepted (null if none came) with its draft. */
  record Done(int open, String acceptedId, long transferId, int quantity) {}

  private TransferReview() {}

  static Done acceptOldest(ApiClient admin, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    JsonNode open = admin.get("/api/transfer-suggestions?status=open&limit=500").body();
    while (open.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      open = admin.get("/api/transfer-suggestions?status=open&limit=500").body();
    }
    if (open.isEmpty()) {
      return new Done(0, null, 0, 0);
    }
    JsonNode oldest = open.get(open.size() - 1);
    String id = oldest.path("id").asText();
    ApiClient.Reply accepted =
        admin.post("/api/transfer-suggestions/" + id + "/accept", null, "demo-accept-" + id);
    if (accepted.status() != 200) {
      throw new IllegalStateException("accepting " + id + " failed: " + accepted.body());
    }
    return new Done(
        open.size(),
        id,
        accepted.body().path("transferId").asLong(),
        accepted.body().path("quantity").asInt());
  }
}
