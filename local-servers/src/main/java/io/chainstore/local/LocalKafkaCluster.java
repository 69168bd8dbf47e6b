package io.chainstore.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of KRaft nodes, each broker and controller, each its own JVM ({@code kafka.Kafka
 * server.properties}), with a static quorum of all nodes. Topics default to three replicas and two
 * in sync, so one node may fail unnoticed by clients. Nodes are numbered from 1, as their {@code
 * node.id}, which is also what Kafka's clients report as a partition's leader.
 */
public final class LocalKafkaCluster implements AutoCloseable {

  public static final int DEFAULT_SIZE = 3;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final List<Broker> brokers;
  private final short replication;

  private record Broker(int id, int port, ChildJvm jvm) {}

  private LocalKafkaCluster(List<Broker> brokers, short replication) {
    this.brokers = brokers;
    this.replication = replication;
  }

  /** Three nodes under {@code dir}, run on this JVM's classpath (which holds the broker). */
  public static LocalKafkaCluster start(Path dir) {
    return start(dir, DEFAULT_SIZE, System.getProperty("java.class.path"));
  }

  /**
   * {@code size} nodes under {@code dir} ({@code node-<id>/}: configuration, data, logs), their
   * JVMs on {@code classpath}; returns once every broker serves requests.
   */
  public static LocalKafkaCluster start(Path dir, int size, String classpath) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node");
    }
    int[] ports = FreePorts.distinct(2 * size);
    String voters = voters(ports, size);
    String clusterId = Uuid.randomUuid().toString();
    List<Broker> brokers = new ArrayList<>();
    for (int id = 1; id <= size; id++) {
      Path nodeDir = dir.resolve("node-" + id);
      int port = ports[id - 1];
      Path config = nodeDir.resolve("server.properties");
      ChildJvm.writeProperties(
          config,
          serverProperties(id, size, port, ports[size + id - 1], voters, nodeDir),
          "local Kafka cluster node");
      format(config, clusterId);
      List<String> main = List.of("kafka.Kafka", config.toAbsolutePath().toString());
      brokers.add(
          new Broker(
              id,
              port,
              new ChildJvm("kafka-" + id, nodeDir, classpath, ChildJvm.SERVER_OPTIONS, main)));
    }
    LocalKafkaCluster cluster = new LocalKafkaCluster(brokers, replicationFor(size));
    try {
      brokers.forEach(b -> b.jvm().start());
      cluster.awaitRegistered(
          cluster.bootstrapServers(), brokers.stream().map(Broker::id).collect(Collectors.toSet()));
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Every broker, so that clients find the cluster while any one of them is down. */
  public String bootstrapServers() {
    return brokers.stream().map(b -> "127.0.0.1:" + b.port()).collect(Collectors.joining(","));
  }

  public int size() {
    return brokers.size();
  }

  /** The replication factor of topics and internal topics: three, or fewer in a smaller cluster. */
  public short replicationFactor() {
    return replication;
  }

  /** Creates topics of one partition, fully replicated, leaving existing ones alone. */
  public void createTopics(List<String> topics) {
    createTopics(topics, 1);
  }

  /** Creates topics of {@code partitions} partitions, fully replicated, leaving existing ones. */
  public void createTopics(List<String> topics, int partitions) {
    try (Admin admin = admin(bootstrapServers())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, partitions, replication))
              .toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create topics " + topics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kills node {@code id} as {@code kill -9} would: no controlled shutdown, no flush. */
  public void kill(int id) {
    broker(id).jvm().kill();
  }

  /** Starts node {@code id} again on its data and ports; returns once it serves requests. */
  public void restart(int id) {
    Broker broker = broker(id);
    broker.jvm().start();
    // Asking that node alone: the answer must come from the new process.
    awaitRegistered("127.0.0.1:" + broker.port(), Set.of(id));
  }

  public boolean isAlive(int id) {
    return broker(id).jvm().isAlive();
  }

  /** The process id of node {@code id}, for measuring it. */
  public long pid(int id) {
    return broker(id).jvm().pid();
  }

  /** Waits until every replica of every topic is in sync again, e.g. after a restart. */
  public void awaitInSync(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = probingAdmin(bootstrapServers())) {
      while (true) {
        List<String> behind = outOfSync(admin);
        if (behind.isEmpty()) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("replicas still out of sync: " + behind);
        }
        ChildJvm.pause(200);
      }
    }
  }

  /**
   * Stops every node, all asked at once; the last controller still waits up to 5 s for peers that
   * already left (Raft's graceful shutdown), so this takes about 6 s. Data stays for a restart.
   */
  @Override
  public void close() {
    brokers.forEach(b -> b.jvm().requestStop());
    brokers.forEach(b -> b.jvm().awaitStopOrKill(Duration.ofSeconds(20)));
  }

  static Properties serverProperties(
      int id, int size, int port, int controllerPort, String voters, Path nodeDir) {
    short replication = replicationFor(size);
    String minInSync = Integer.toString(Math.min(2, replication));
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(id));
    p.put("controller.quorum.voters", voters);
    p.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", nodeDir.resolve("data").toAbsolutePath().toString());
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    // Durability: a write is acknowledged by two of three replicas, so one node may be lost.
    p.put("default.replication.factor", Short.toString(replication));
    p.put("min.insync.replicas", minInSync);
    p.put("unclean.leader.election.enable", "false");
    p.put("offsets.topic.replication.factor", Short.toString(replication));
    p.put("transaction.state.log.replication.factor", Short.toString(replication));
    p.put("transaction.state.log.min.isr", minInSync);
    p.put("share.coordinator.state.topic.replication.factor", Short.toString(replication));
    p.put("share.coordinator.state.topic.min.isr", minInSync);
    // Local speed: fewer internal partitions to elect, no wait before the first rebalance, and a
    // lost node fenced (its partitions led elsewhere) after 6 s instead of 9 s.
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.num.partitions", "10");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("broker.session.timeout.ms", "6000");
    p.put("broker.heartbeat.interval.ms", "1000");
    return p;
  }

  static String voters(int[] ports, int size) {
    List<String> voters = new ArrayList<>();
    for (int id = 1; id <= size; id++) {
      voters.add(id + "@127.0.0.1:" + ports[size + id - 1]);
    }
    return String.join(",", voters);
  }

  private static short replicationFor(int size) {
    return (short) Math.min(3, size);
  }

  private Broker broker(int id) {
    if (id < 1 || id > brokers.size()) {
      throw new IllegalArgumentException("no node " + id + " in a cluster of " + brokers.size());
    }
    return brokers.get(id - 1);
  }

  /**
   * Waits until nodes {@code ids} are registered and unfenced, as seen through {@code bootstrap}.
   */
  private void awaitRegistered(String bootstrap, Set<Integer> ids) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin = probingAdmin(bootstrap)) {
      while (true) {
        ids.forEach(id -> broker(id).jvm().checkAlive());
        Set<Integer> registered = registered(admin);
        if (registered.containsAll(ids)) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Kafka nodes "
                  + ids
                  + " not ready within "
                  + READY_TIMEOUT
                  + " at "
                  + bootstrap
                  + "; registered: "
                  + registered);
        }
        ChildJvm.pause(200);
      }
    }
  }

  private static Set<Integer> registered(Admin admin) {
    try {
      Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
      return nodes.stream().map(Node::id).collect(Collectors.toSet());
    } catch (ExecutionException | TimeoutException e) {
      return Set.of(); // not up yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> outOfSync(Admin admin) {
    try {
      Set<String> names =
          admin
              .listTopics(new ListTopicsOptions().listInternal(true))
              .names()
              .get(10, TimeUnit.SECONDS);
      Map<String, TopicDescription> topics =
          admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
      List<String> behind = new ArrayList<>();
      for (TopicDescription topic : topics.values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          if (partition.isr().size() < partition.replicas().size()) {
            behind.add(topic.name() + "-" + partition.partition());
          }
        }
      }
      return behind;
    } catch (ExecutionException | TimeoutException e) {
      return List.of("(cluster not answering: " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /** An admin client that gives up soon, for asking again and again while nodes start. */
  private static Admin probingAdmin(String bootstrap) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000"));
  }

  private static void format(Path config, String clusterId) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int rc =
        StorageTool.execute(
            new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
            new PrintStream(output, true, StandardCharsets.UTF_8));
    if (rc != 0) {
      throw new IllegalStateException(
          "formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }
}
