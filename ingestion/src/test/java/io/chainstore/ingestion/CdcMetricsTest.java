package io.chainstore.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class CdcMetricsTest {

  private static final String UPDATE =
      "{\"before\":null,\"after\":{\"id\":1,\"status\":\"paid\"},\"source\":{\"version\":\"3.0\","
          + "\"connector\":\"postgresql\",\"name\":\"chainstore\",\"ts_ms\":1700000000123,"
          + "\"snapshot\":\"false\",\"db\":\"chainstore\",\"lsn\":123},\"op\":\"u\","
          + "\"ts_ms\":1700000000999}";

  @Test
  void readsTheCommitTimeFromTheSourceBlockNotTheEnvelope() {
    assertThat(CdcMetrics.commitMillis(UPDATE)).hasValue(1700000000123L);
    assertThat(CdcMetrics.commitMillis("{\"ts_ms\":1700000000999}")).isEmpty();
    assertThat(
            CdcMetrics.commitMillis(
                UPDATE.replace("\"snapshot\":\"false\"", "\"snapshot\":\"last\"")))
        .as("a snapshot's row has no commit lag")
        .isEmpty();
    assertThat(CdcMetrics.commitMillis("{\"source\":{\"name\":\"x\"},\"ts_ms\":5}"))
        .isEqualTo(OptionalLong.empty());
  }

  @Test
  void readsTheCommitTimeFromTheConnectorsStructBeforeConversion() {
    Schema source =
        SchemaBuilder.struct()
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    Schema envelope =
        SchemaBuilder.struct()
            .field("source", source)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    Struct streamed =
        new Struct(envelope)
            .put("source", new Struct(source).put("ts_ms", 1700000000123L).put("snapshot", "false"))
            .put("ts_ms", 1700000000999L);
    Struct snapshotted =
        new Struct(envelope)
            .put("source", new Struct(source).put("ts_ms", 1700000000123L).put("snapshot", "true"));
    Schema heartbeat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();

    assertThat(CdcMetrics.commitMillis((Object) streamed)).hasValue(1700000000123L);
    assertThat(CdcMetrics.commitMillis((Object) snapshotted)).isEmpty();
    assertThat(CdcMetrics.commitMillis((Object) new Struct(heartbeat).put("ts_ms", 5L))).isEmpty();
    assertThat(CdcMetrics.commitMillis((Object) null)).as("a tombstone").isEmpty();
  }

  @Test
  void countsEventsPerTopicAndTheLagOfThoseWithACommit() {
    CdcMetrics metrics = new CdcMetrics();
    metrics.forwarded("chainstore.public.orders", UPDATE, 1700000000123L + 80); // 80 ms
    metrics.forwarded("chainstore.public.orders", UPDATE, 1700000000123L + 3_000); // 3 s
    metrics.forwarded("__debezium-heartbeat.chainstore", "{\"ts_ms\":1700000005000}", 0);

    String text = metrics.prometheusText();

    assertThat(text)
        .contains("chainstore_cdc_events_total{topic=\"chainstore.public.orders\"} 2\n")
        .contains("chainstore_cdc_events_total{topic=\"__debezium-heartbeat.chainstore\"} 1\n")
        .contains("chainstore_cdc_commit_to_kafka_seconds_bucket{le=\"0.05\"} 0\n")
        .contains("chainstore_cdc_commit_to_kafka_seconds_bucket{le=\"0.1\"} 1\n")
        .contains("chainstore_cdc_commit_to_kafka_seconds_bucket{le=\"2.5\"} 1\n")
        .contains("chainstore_cdc_commit_to_kafka_seconds_bucket{le=\"5.0\"} 2\n")
        .contains("chainstore_cdc_commit_to_kafka_seconds_bucket{le=\"+Inf\"} 2\n")
        .contains("chainstore_cdc_commit_to_kafka_seconds_sum 3.08\n")
        .contains("chainstore_cdc_commit_to_kafka_seconds_count 2\n")
        .contains("chainstore_cdc_last_commit_to_kafka_seconds 3.0\n")
        .contains("chainstore_cdc_last_commit_timestamp_seconds 1700000000.123\n")
        .contains("# TYPE chainstore_cdc_commit_to_kafka_seconds histogram\n");
  }
}
