package io.chainstore.batch.segment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Issues a coupon template to each chunk of members through the transactional service's batch
 * endpoint ({@code POST /api/coupon-templates/{id}/issue}). The service is idempotent per batch
 * name: a chunk sent again after a crash returns the coupons issued the first time, so each member
 * gets exactly one coupon of the batch. The service applies the template's per-member and total
 * limits. A refused request fails the step (a restart resumes at that chunk); an unreachable or
 * failing (5xx) service is retried three times with backoff first.
 */
class CouponIssuer implements ItemWriter<Long> {

  private static final int ATTEMPTS = 4;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String apiKey;
  private final String batch;

  CouponIssuer(String serviceUrl, String apiKey, long templateId, String batch) {
    this.endpoint =
        URI.create(
            serviceUrl.replaceAll("/+$", "") + "/api/coupon-templates/" + templateId + "/issue");
    this.apiKey = apiKey;
    this.batch = batch;
  }

  @Override
  public void write(Chunk<? extends Long> members) throws Exception {
    String body =
        "{\"batch\":\""
            + batch.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"memberIds\":"
            + members.getItems().stream()
                .map(String::valueOf)
                .collect(Collectors.joining(",", "[", "]"))
            + "}";
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        if (response.statusCode() < 500 || attempt == ATTEMPTS) {
          throw new IllegalStateException(
              "the service refused issuing to "
                  + members.size()
                  + " members: HTTP "
                  + response.statusCode()
                  + " "
                  + response.body());
        }
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
      Thread.sleep(500L << attempt); // 1 s, 2 s, 4 s
    }
  }
}
