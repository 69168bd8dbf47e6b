package io.chainstore.local;

import io.chainstore.local.LocalClickHouse.PortTakenException;
import io.chainstore.local.LocalClickHouse.Ports;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * ClickHouse as production runs it replicated: a ZooKeeper and two {@code clickhouse-server}
 * processes, one shard of two replicas, each with its own data directory and free ports. Every
 * replica knows the cluster ({@code remote_servers}, internal replication), its own {@code {shard}}
 * and {@code {replica}} macros, the ZooKeeper and the queue of {@code ON CLUSTER} DDL.
 */
public final class LocalClickHouseCluster implements AutoCloseable {

  public static final String DEFAULT_NAME = "chainstore";
  private static final int REPLICAS = 2;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Inserts into a Distributed table reach a replica before the INSERT returns, as into a plain
   * table: a writer's retry then covers a failed write, and what it wrote is readable at once.
   * Without it the Distributed table queues the rows on the receiving server's disk and sends them
   * later: an acknowledged write may reach the replicas late, or never if that disk is lost.
   */
  static final String PROFILE = "<insert_distributed_sync>1</insert_distributed_sync>";

  private final String name;
  private final LocalZooKeeper zooKeeper;
  private final List<LocalClickHouse> replicas;

  private LocalClickHouseCluster(
      String name, LocalZooKeeper zooKeeper, List<LocalClickHouse> replicas) {
    this.name = name;
    this.zooKeeper = zooKeeper;
    this.replicas = replicas;
  }

  /** Starts the cluster {@value #DEFAULT_NAME} under {@code dir}. */
  public static LocalClickHouseCluster start(Path dir) {
    return start(dir, DEFAULT_NAME);
  }

  /** Starts ZooKeeper and both replicas under {@code dir}, and waits until all answer. */
  public static LocalClickHouseCluster start(Path dir, String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a cluster name: " + name);
    }
    LocalZooKeeper zooKeeper = LocalZooKeeper.start(dir.resolve("zookeeper"));
    try {
      for (int attempt = 1; ; attempt++) {
        int[] free = FreePorts.distinct(3 * REPLICAS);
        List<Ports> ports = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
          ports.add(new Ports(free[3 * i], free[3 * i + 1], free[3 * i + 2]));
        }
        try {
          return new LocalClickHouseCluster(
              name, zooKeeper, startReplicas(dir, name, ports, zooKeeper));
        } catch (PortTakenException e) {
          // Another process took a port between asking and binding: all replicas name all ports.
          if (attempt == 3) {
            throw e;
          }
        }
      }
    } catch (RuntimeException e) {
      zooKeeper.close();
      throw e;
    }
  }

  /** Both at once: a server takes a few seconds to start, mostly waiting. */
  private static List<LocalClickHouse> startReplicas(
      Path dir, String name, List<Ports> ports, LocalZooKeeper zooKeeper) {
    List<CompletableFuture<LocalClickHouse>> starting = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      int replica = i;
      starting.add(
          CompletableFuture.supplyAsync(
              () ->
                  LocalClickHouse.start(
                      dir.resolve("replica-" + (replica + 1)),
                      ports.get(replica),
                      config(name, replica, ports, zooKeeper),
                      PROFILE),
              // a thread each: the common pool may have one thread on a small machine
              task -> new Thread(task, "start-replica-" + (replica + 1)).start()));
    }
    List<LocalClickHouse> started = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<LocalClickHouse> future : starting) {
      try {
        started.add(future.join());
      } catch (CompletionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        failure = failure == null ? cause : failure;
      }
    }
    if (failure != null) {
      started.forEach(LocalClickHouse::close);
      throw failure;
    }
    return List.copyOf(started);
  }

  public String name() {
    return name;
  }

  public List<LocalClickHouse> replicas() {
    return replicas;
  }

  /** Replica {@code i}, counted from 0. */
  public LocalClickHouse replica(int i) {
    return replicas.get(i);
  }

  /** The HTTP URL of replica 0. */
  public String url() {
    return replicas.get(0).url();
  }

  public LocalZooKeeper zooKeeper() {
    return zooKeeper;
  }

  /** Kills replica {@code i} as {@code kill -9} would. */
  public void kill(int i) throws InterruptedException {
    replicas.get(i).kill();
  }

  /**
   * Starts replica {@code i} again and waits until each of its replicated tables replicates again.
   * A killed replica's ZooKeeper session outlives it by the session timeout, and a replica started
   * while its old session still marks it active cannot activate its tables ("appears to be already
   * active") until much later. So this first waits until another live replica no longer counts it
   * as active, then starts it and waits until it counts itself again.
   */
  public void restart(int i) {
    List<LocalClickHouse> others = new ArrayList<>();
    for (int j = 0; j < replicas.size(); j++) {
      if (j != i && replicas.get(j).isAlive()) {
        others.add(replicas.get(j));
      }
    }
    if (!others.isEmpty()) {
      awaitNone(
          others.get(0),
          "active_replicas > " + others.size(),
          "replica " + i + "'s old ZooKeeper session to expire");
    }
    replicas.get(i).restart();
    awaitNone(
        replicas.get(i),
        "active_replicas < " + (others.size() + 1),
        "replica " + i + " to replicate again");
  }

  /** Waits until no replicated table of {@code replica} matches {@code condition}. */
  private static void awaitNone(LocalClickHouse replica, String condition, String what) {
    String sql = "SELECT count() FROM system.replicas WHERE " + condition + " FORMAT TabSeparated";
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!"0".equals(query(replica, sql))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited a minute in vain for " + what);
      }
      ChildJvm.pause(100);
    }
  }

  /** Stops both replicas and ZooKeeper. */
  @Override
  public void close() {
    replicas.forEach(LocalClickHouse::close);
    zooKeeper.close();
  }

  private static String query(LocalClickHouse replica, String sql) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    replica.url() + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body().strip() : "";
    } catch (java.io.IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The cluster's part of replica {@code i}'s config. Replicas fetch parts from each other over
   * interserver HTTP at the host they announce, so it is 127.0.0.1 (the default, the machine's
   * name, may not resolve). A short ZooKeeper session lets a killed replica's session expire soon,
   * so that it replicates again soon after a restart.
   */
  private static String config(String name, int i, List<Ports> ports, LocalZooKeeper zooKeeper) {
    StringBuilder shard = new StringBuilder();
    for (Ports replica : ports) {
      shard.append(
          "<replica><host>127.0.0.1</host><port>%d</port></replica>".formatted(replica.tcp()));
    }
    return """
        <interserver_http_host>127.0.0.1</interserver_http_host>
        <macros>
          <shard>1</shard>
          <replica>replica-%2$d</replica>
        </macros>
        <remote_servers>
          <%1$s>
            <shard>
              <internal_replication>true</internal_replication>
              %3$s
            </shard>
          </%1$s>
        </remote_servers>
        <zookeeper>
          <node><host>127.0.0.1</host><port>%4$d</port></node>
          <session_timeout_ms>5000</session_timeout_ms>
        </zookeeper>
        <distributed_ddl>
          <path>/clickhouse/task_queue/ddl</path>
        </distributed_ddl>
        """
        .formatted(name, i + 1, shard, zooKeeper.port());
  }
}
