package io.chainstore.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few calls a storefront or POS makes, over HTTP, as they would. */
final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_FOR = Duration.ofMinutes(2);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String apiKey;

  ApiClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  String baseUrl() {
    return baseUrl;
  }

  String apiKey() {
    return apiKey;
  }

  /** The same service, called with another API key. */
  ApiClient as(String otherKey) {
    return new ApiClient(baseUrl, otherKey);
  }

  /** Issues an API key (the caller must be an HQ admin) and returns a client using it. */
  ApiClient issueKey(String name, String role, Long storeId) {
    Reply reply =
        post(
            "/api/admin/api-keys",
            "{\"name\":\"%s\",\"role\":\"%s\",\"storeId\":%s}".formatted(name, role, storeId),
            null);
    if (reply.status() != 201) {
      throw new IllegalStateException("could not issue a " + role + " key: " + reply.body());
    }
    return as(reply.body().path("key").asText());
  }

  record Reply(int status, JsonNode body) {}

  /** Fails the run, saying what the API answered, unless the reply has the expected status. */
  static void require(Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException(
          "expected " + status + ", API answered " + reply.status() + ": " + reply.body());
    }
  }

  Reply get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + apiKey)
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply put(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + apiKey)
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("PUT " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * POSTs {@code json}. With an idempotency key it behaves as a POS or storefront that retries:
   * while the service answers 503 (its database away) or does not answer at all (restarting), the
   * same request with the same key again, every half second for up to two minutes.
   */
  Reply post(String path, String json, String idempotencyKey) {
    long deadline = System.nanoTime() + RETRY_FOR.toNanos();
    while (true) {
      try {
        Reply reply = send(path, json, idempotencyKey);
        if (reply.status() != 503 || idempotencyKey == null || System.nanoTime() > deadline) {
          return reply;
        }
      } catch (IOException e) {
        if (idempotencyKey == null || System.nanoTime() > deadline) {
          throw new IllegalStateException("POST " + path + " failed: " + e, e);
        }
      }
      ChildProcess.sleep(500);
    }
  }

  private Reply send(String path, String json, String idempotencyKey) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
