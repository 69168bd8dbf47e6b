package io.chainstore.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.demo.StackHealth.Component;
import io.chainstore.demo.StackHealth.Status;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of {@code ./chainstore status} that only a cluster deployment has, each from the
 * engine's own REST interface: the Flink session cluster, the Spark master, the Kafka Connect
 * worker. A part not given is left out (a local stack has none of them).
 */
final class ClusterHealth {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private ClusterHealth() {}

  static List<Component> check(String flinkRestUrl, String sparkMasterUiUrl, String connectUrl) {
    List<Component> components = new ArrayList<>();
    if (flinkRestUrl != null) {
      components.add(flink(flinkRestUrl));
    }
    if (sparkMasterUiUrl != null) {
      components.add(spark(sparkMasterUiUrl));
    }
    if (connectUrl != null) {
      components.add(connect(connectUrl));
    }
    return components;
  }

  /** TaskManagers and slots, and each job's state: every job must be running. */
  private static Component flink(String url) {
    try {
      JsonNode overview = read(url + "/overview");
      Map<String, Integer> states = new TreeMap<>();
      for (JsonNode job : read(url + "/jobs/overview").path("jobs")) {
        states.merge(job.path("state").asText(), 1, Integer::sum);
      }
      int running = states.getOrDefault("RUNNING", 0);
      String detail =
          "%s, %d TaskManagers, %d of %d slots free, jobs %s"
              .formatted(
                  url,
                  overview.path("taskmanagers").asInt(),
                  overview.path("slots-available").asInt(),
                  overview.path("slots-total").asInt(),
                  states);
      boolean up = running > 0 && running == states.values().stream().mapToInt(i -> i).sum();
      return new Component("flink cluster", up ? Status.UP : Status.DOWN, detail);
    } catch (IOException e) {
      return new Component("flink cluster", Status.DOWN, url + ": " + e.getMessage());
    }
  }

  /** The master's state and its workers alive. */
  private static Component spark(String url) {
    try {
      JsonNode master = read(url + "/json/");
      int workers = master.path("aliveworkers").asInt();
      String detail =
          "%s, master %s, %d workers alive, %d cores"
              .formatted(
                  master.path("url").asText(),
                  master.path("status").asText(),
                  workers,
                  master.path("cores").asInt());
      boolean up = "ALIVE".equals(master.path("status").asText()) && workers > 0;
      return new Component("spark", up ? Status.UP : Status.DOWN, detail);
    } catch (IOException e) {
      return new Component("spark", Status.DOWN, url + ": " + e.getMessage());
    }
  }

  /** Each connector and its tasks: all must be running. */
  private static Component connect(String url) {
    try {
      List<String> lines = new ArrayList<>();
      boolean up = true;
      for (JsonNode name : read(url + "/connectors")) {
        JsonNode status = read(url + "/connectors/" + name.asText() + "/status");
        String state = status.path("connector").path("state").asText();
        up &= "RUNNING".equals(state);
        List<String> tasks = new ArrayList<>();
        for (JsonNode task : status.path("tasks")) {
          tasks.add(task.path("state").asText());
          up &= "RUNNING".equals(task.path("state").asText());
        }
        lines.add(name.asText() + " " + state + " (tasks " + tasks + ")");
      }
      if (lines.isEmpty()) {
        return new Component("kafka connect", Status.DOWN, url + ": no connector");
      }
      return new Component(
          "kafka connect", up ? Status.UP : Status.DOWN, url + ", " + String.join(", ", lines));
    } catch (IOException e) {
      return new Component("kafka connect", Status.DOWN, url + ": " + e.getMessage());
    }
  }

  private static JsonNode read(String url) throws IOException {
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
