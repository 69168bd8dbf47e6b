package io.chainstore.streaming.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.StreamingJobs;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jar for {@code flink run}: the job and its connectors, but nothing a cluster provides. */
class FlinkJobJarIT {

  @Test
  void containsTheJobAndWhatAClusterLacksButNotFlinkItself() throws Exception {
    try (JarFile jar = new JarFile(Path.of(System.getProperty("flink.job.jar")).toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(StreamingJobs.class.getName());
      assertThat(jar.getEntry("io/chainstore/streaming/kpi/StoreKpisJob.class")).isNotNull();
      assertThat(jar.getEntry("io/chainstore/warehouse/ClickHouseClient.class")).isNotNull();
      assertThat(jar.getEntry("clickhouse/migrations/V004__store_kpi_business_days.sql"))
          .isNotNull();
      assertThat(jar.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class"))
          .isNotNull();
      assertThat(jar.getEntry("org/apache/kafka/clients/consumer/KafkaConsumer.class")).isNotNull();
      // Provided by the cluster: bundling them would clash with its own.
      assertThat(
              jar.getEntry(
                  "org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
          .isNull();
      assertThat(jar.getEntry("org/apache/flink/api/common/functions/OpenContext.class")).isNull();
      assertThat(jar.getEntry("org/apache/logging/log4j/Logger.class")).isNull();
      assertThat(jar.getEntry("org/slf4j/Logger.class")).isNull();
      assertThat(jar.getEntry("log4j2.xml")).isNull();
      // What a Flink cluster's lib/ has beside Flink.
      assertThat(jar.getEntry("org/apache/commons/lang3/StringUtils.class")).isNull();
      // No embedded server: those belong to the local launcher.
      assertThat(jar.getEntry("io/chainstore/local/LocalClickHouse.class")).isNull();
      assertThat(jar.getEntry("kafka/server/KafkaRaftServer.class")).isNull();
      assertThat(jar.getEntry("io/zonky/test/db/postgres/embedded/EmbeddedPostgres.class"))
          .isNull();
    }
  }
}
