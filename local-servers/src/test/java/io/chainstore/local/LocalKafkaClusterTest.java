package io.chainstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LocalKafkaClusterTest {

  private static final int[] PORTS = {9092, 9093, 9094, 19092, 19093, 19094};

  @Test
  void everyNodeIsBrokerAndControllerOfOneStaticQuorum() {
    String voters = LocalKafkaCluster.voters(PORTS, 3);
    assertThat(voters).isEqualTo("1@127.0.0.1:19092,2@127.0.0.1:19093,3@127.0.0.1:19094");
    Properties node2 =
        LocalKafkaCluster.serverProperties(2, 3, 9093, 19093, voters, Path.of("kafka", "node-2"));
    assertThat(node2.getProperty("process.roles")).isEqualTo("broker,controller");
    assertThat(node2.getProperty("node.id")).isEqualTo("2");
    assertThat(node2.getProperty("controller.quorum.voters")).isEqualTo(voters);
    assertThat(node2.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:9093,CONTROLLER://127.0.0.1:19093");
    assertThat(node2.getProperty("log.dirs")).endsWith(Path.of("node-2", "data").toString());
  }

  @Test
  void threeNodesKeepThreeReplicasOfEveryTopicAndAcknowledgeWithTwo() {
    Properties p =
        LocalKafkaCluster.serverProperties(
            1, 3, 9092, 19092, LocalKafkaCluster.voters(PORTS, 3), Path.of("n"));
    assertThat(p.getProperty("default.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("min.insync.replicas")).isEqualTo("2");
    assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
    assertThat(p.getProperty("share.coordinator.state.topic.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("share.coordinator.state.topic.min.isr")).isEqualTo("2");
    assertThat(p.getProperty("unclean.leader.election.enable")).isEqualTo("false");
  }

  @Test
  void aSingleNodeClusterReplicatesOnce() {
    Properties p =
        LocalKafkaCluster.serverProperties(
            1, 1, 9092, 19092, LocalKafkaCluster.voters(new int[] {9092, 19092}, 1), Path.of("n"));
    assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19092");
    assertThat(p.getProperty("default.replication.factor")).isEqualTo("1");
    assertThat(p.getProperty("min.insync.replicas")).isEqualTo("1");
    assertThat(p.getProperty("share.coordinator.state.topic.replication.factor")).isEqualTo("1");
  }
}
