package io.chainstore.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A Kafka Connect distributed worker in its own JVM ({@code ConnectDistributed worker.properties}),
 * with connectors only from its {@code plugin.path}: the worker's classpath is the caller's choice
 * and should hold Kafka Connect alone, so a connector that runs was loaded from its plugin
 * directory, as on a production worker. Its configuration, offsets and status live in Kafka topics,
 * so a restarted worker carries on where the last one stopped.
 */
public final class LocalKafkaConnect implements AutoCloseable {

  public static final String MAIN_CLASS = "org.apache.kafka.connect.cli.ConnectDistributed";
  public static final String GROUP_ID = "chainstore-connect";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ChildJvm jvm;
  private final int port;

  private LocalKafkaConnect(ChildJvm jvm, int port) {
    this.jvm = jvm;
    this.port = port;
  }

  /**
   * Starts a worker under {@code dir} against {@code bootstrapServers}, its internal topics
   * replicated three times, and returns once its REST API reports it healthy.
   *
   * @param pluginPath a directory of plugin directories, e.g. one holding {@code
   *     chainstore-postgres/} with the connector's jars
   * @param workerClasspath Kafka Connect's runtime and converters, without any connector
   * @param settings what a deployment adds to the worker's properties, e.g. a REST extension
   */
  public static LocalKafkaConnect start(
      Path dir,
      String bootstrapServers,
      Path pluginPath,
      String workerClasspath,
      Map<String, String> settings) {
    if (!Files.isDirectory(pluginPath)) {
      throw new IllegalArgumentException("no plugin directory at " + pluginPath);
    }
    int port = FreePorts.one();
    Path config = dir.resolve("worker.properties");
    ChildJvm.writeProperties(
        config,
        workerProperties(bootstrapServers, port, pluginPath, settings),
        "local Kafka Connect worker");
    List<String> main = List.of(MAIN_CLASS, config.toAbsolutePath().toString());
    LocalKafkaConnect connect =
        new LocalKafkaConnect(
            new ChildJvm("kafka-connect", dir, workerClasspath, ChildJvm.SERVER_OPTIONS, main),
            port);
    connect.jvm.start();
    try {
      connect.awaitReady();
    } catch (RuntimeException e) {
      connect.close();
      throw e;
    }
    return connect;
  }

  /** The REST API, e.g. {@code http://127.0.0.1:8083}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Creates a connector by POSTing {@code {"name": name, "config": config}} to {@code /connectors}
   * (the body a Connect JSON file holds); retries while the worker's group rebalances.
   */
  public void createConnector(String name, Map<String, String> config) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("config", config);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> response = send(post("/connectors", body));
      if (response.statusCode() == 201) {
        return;
      }
      // 409: the worker is rebalancing and cannot take new connectors yet.
      if (response.statusCode() != 409 || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "creating connector "
                + name
                + " failed: "
                + response.statusCode()
                + " "
                + response.body());
      }
      ChildJvm.pause(200);
    }
  }

  /** The states of a connector and its tasks, as the worker reports them. */
  public ConnectorState connectorState(String name) {
    return stateIfKnown(name)
        .orElseThrow(() -> new IllegalStateException("no connector " + name + " at " + url()));
  }

  /** Waits until the connector and all its tasks run; fails at once if one of them failed. */
  public void awaitRunning(String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<ConnectorState> state = Optional.empty();
    while (System.nanoTime() < deadline) {
      jvm.checkAlive();
      state = stateIfKnown(name);
      if (state.isPresent() && state.get().failed()) {
        throw new IllegalStateException(name + " failed: " + state.get());
      }
      if (state.isPresent() && state.get().running()) {
        return;
      }
      ChildJvm.pause(200);
    }
    throw new IllegalStateException(name + " not running within " + timeout + ": " + state);
  }

  private Optional<ConnectorState> stateIfKnown(String name) {
    HttpResponse<String> response = send(get("/connectors/" + encode(name) + "/status"));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "status of " + name + ": " + response.statusCode() + " " + response.body());
    }
    JsonNode status = read(response.body());
    List<String> tasks = new ArrayList<>();
    StringBuilder traces = new StringBuilder();
    for (JsonNode task : status.path("tasks")) {
      tasks.add(task.path("state").asText());
      if (task.hasNonNull("trace")) {
        traces.append(task.path("trace").asText()).append('\n');
      }
    }
    JsonNode connector = status.path("connector");
    if (connector.hasNonNull("trace")) {
      traces.append(connector.path("trace").asText());
    }
    return Optional.of(
        new ConnectorState(connector.path("state").asText(), tasks, traces.toString()));
  }

  /** The connector classes the worker found, on its classpath or its plugin path. */
  public List<String> connectorPlugins() {
    HttpResponse<String> response = send(get("/connector-plugins"));
    List<String> classes = new ArrayList<>();
    read(response.body()).forEach(plugin -> classes.add(plugin.path("class").asText()));
    return classes;
  }

  /** Kills the worker as {@code kill -9} would: no offset flush, no leaving the group. */
  public void kill() {
    jvm.kill();
  }

  /** Starts the worker again on its configuration and port; returns once it is healthy. */
  public void restart() {
    jvm.start();
    awaitReady();
  }

  public boolean isAlive() {
    return jvm.isAlive();
  }

  /** The worker's process id, for measuring it. */
  public long pid() {
    return jvm.pid();
  }

  @Override
  public void close() {
    jvm.requestStop();
    jvm.awaitStopOrKill(Duration.ofSeconds(30));
  }

  static Properties workerProperties(
      String bootstrapServers, int port, Path pluginPath, Map<String, String> settings) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("group.id", GROUP_ID);
    // Schemaless JSON, as the project's connector JSON and its consumers expect.
    p.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    p.put("key.converter.schemas.enable", "false");
    p.put("value.converter.schemas.enable", "false");
    String rf = "3";
    p.put("config.storage.topic", GROUP_ID + "-configs");
    p.put("config.storage.replication.factor", rf);
    p.put("offset.storage.topic", GROUP_ID + "-offsets");
    p.put("offset.storage.replication.factor", rf);
    p.put("status.storage.topic", GROUP_ID + "-status");
    p.put("status.storage.replication.factor", rf);
    // Offsets are committed each second (default a minute): fewer events again after a crash.
    p.put("offset.flush.interval.ms", "1000");
    p.put("listeners", "http://127.0.0.1:" + port);
    p.put("rest.advertised.host.name", "127.0.0.1");
    p.put("rest.advertised.port", Integer.toString(port));
    p.put("plugin.path", pluginPath.toAbsolutePath().toString());
    // Plugins are found through their service manifests (Debezium ships them), without scanning.
    p.put("plugin.discovery", "service_load");
    // Connector JSON may name secrets as ${env:NAME}, resolved from the worker's environment.
    p.put("config.providers", "env");
    p.put(
        "config.providers.env.class",
        "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    // One worker: a restarted worker takes its tasks back at once instead of after 5 minutes.
    p.put("scheduled.rebalance.max.delay.ms", "0");
    p.put("session.timeout.ms", "6000");
    p.put("heartbeat.interval.ms", "2000");
    p.putAll(settings);
    return p;
  }

  /** A connector's state and its tasks' states, with the traces of failures. */
  public record ConnectorState(String connector, List<String> tasks, String traces) {

    public boolean running() {
      return "RUNNING".equals(connector)
          && !tasks.isEmpty()
          && tasks.stream().allMatch("RUNNING"::equals);
    }

    public boolean failed() {
      return "FAILED".equals(connector) || tasks.contains("FAILED");
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      jvm.checkAlive();
      // /health answers 200 once the worker has joined its group and read its config topic.
      try {
        HttpResponse<String> response =
            HTTP.send(get("/health"), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ChildJvm.pause(200);
    }
    throw new IllegalStateException(
        "Kafka Connect not healthy within " + READY_TIMEOUT + "; see " + jvm.dir());
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).build();
  }

  private HttpRequest post(String path, Object body) {
    try {
      return HttpRequest.newBuilder(URI.create(url() + path))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
