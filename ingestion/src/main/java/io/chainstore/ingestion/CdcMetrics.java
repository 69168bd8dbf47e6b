package io.chainstore.ingestion;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * What the connector has forwarded, for Prometheus: change events per topic, and the lag from each
 * change's commit in PostgreSQL ({@code source.ts_ms}) to Kafka's acknowledgement, as a histogram
 * (for a p95) and as the lag of the newest event (for an alert).
 */
public final class CdcMetrics {

  /** Upper bounds of the lag histogram's buckets, in seconds. */
  static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

  private final Map<String, Long> events = new TreeMap<>();
  private final long[] bucketCounts = new long[BUCKETS.length];
  private long lagCount;
  private long lagSumMillis;
  private long lastLagMillis;
  private long lastCommitMillis;

  /** One change event of {@code topic} (its JSON {@code value}) that Kafka acknowledged. */
  public void forwarded(String topic, String value, long ackMillis) {
    forwarded(topic, commitMillis(value), ackMillis);
  }

  /**
   * One change event of {@code topic} that Kafka acknowledged, committed at {@code commit} (empty:
   * a heartbeat or a snapshot row).
   */
  public synchronized void forwarded(String topic, OptionalLong commit, long ackMillis) {
    events.merge(topic, 1L, Long::sum);
    if (commit.isEmpty()) {
      return; // a heartbeat: no commit behind it
    }
    long lag = Math.max(0, ackMillis - commit.getAsLong());
    for (int i = 0; i < BUCKETS.length; i++) {
      if (lag <= BUCKETS[i] * 1000) {
        bucketCounts[i]++;
      }
    }
    lagCount++;
    lagSumMillis += lag;
    lastLagMillis = lag;
    lastCommitMillis = Math.max(lastCommitMillis, commit.getAsLong());
  }

  /**
   * The commit time of a Debezium change event ({@code source.ts_ms}), found without parsing the
   * whole event; empty for an event without a source block (a heartbeat) and for a row read by a
   * snapshot, whose lag is the snapshot's age, not the connector's.
   */
  static OptionalLong commitMillis(String value) {
    int source = value.indexOf("\"source\":{");
    if (source < 0) {
      return OptionalLong.empty();
    }
    int end = value.indexOf('}', source); // the source block holds no nested object
    String block = end < 0 ? value.substring(source) : value.substring(source, end);
    if (block.contains("\"snapshot\":\"") && !block.contains("\"snapshot\":\"false\"")) {
      return OptionalLong.empty();
    }
    int field = block.indexOf("\"ts_ms\":");
    if (field < 0) {
      return OptionalLong.empty();
    }
    field += source;
    int from = field + "\"ts_ms\":".length();
    int to = from;
    while (to < value.length() && Character.isDigit(value.charAt(to))) {
      to++;
    }
    return to == from ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value, from, to, 10));
  }

  /**
   * As {@link #commitMillis(String)}, for the event as the connector emits it, before conversion.
   */
  public static OptionalLong commitMillis(Object value) {
    if (!(value instanceof Struct event) || event.schema().field("source") == null) {
      return OptionalLong.empty();
    }
    Struct source = event.getStruct("source");
    if (source == null) {
      return OptionalLong.empty();
    }
    Object snapshot = valueOf(source, "snapshot");
    if (snapshot != null && !"false".equals(snapshot.toString())) {
      return OptionalLong.empty();
    }
    return valueOf(source, "ts_ms") instanceof Number millis
        ? OptionalLong.of(millis.longValue())
        : OptionalLong.empty();
  }

  private static Object valueOf(Struct struct, String name) {
    Field field = struct.schema().field(name);
    return field == null ? null : struct.get(field);
  }

  /** The figures in Prometheus' text format. */
  public synchronized String prometheusText() {
    StringBuilder out = new StringBuilder();
    PrometheusText.header(
        out, "chainstore_cdc_events_total", "counter", "change events Kafka acknowledged");
    events.forEach(
        (topic, n) ->
            out.append("chainstore_cdc_events_total{topic=\"")
                .append(topic)
                .append("\"} ")
                .append(n)
                .append('\n'));
    String lag = "chainstore_cdc_commit_to_kafka_seconds";
    PrometheusText.header(
        out, lag, "histogram", "from a change's commit in PostgreSQL to Kafka's acknowledgement");
    for (int i = 0; i < BUCKETS.length; i++) {
      out.append(lag)
          .append("_bucket{le=\"")
          .append(number(BUCKETS[i]))
          .append("\"} ")
          .append(bucketCounts[i])
          .append('\n');
    }
    out.append(lag).append("_bucket{le=\"+Inf\"} ").append(lagCount).append('\n');
    out.append(lag).append("_sum ").append(number(lagSumMillis / 1000.0)).append('\n');
    out.append(lag).append("_count ").append(lagCount).append('\n');
    String last = "chainstore_cdc_last_commit_to_kafka_seconds";
    PrometheusText.header(out, last, "gauge", "the lag of the newest change forwarded");
    out.append(last).append(' ').append(number(lastLagMillis / 1000.0)).append('\n');
    String commit = "chainstore_cdc_last_commit_timestamp_seconds";
    PrometheusText.header(out, commit, "gauge", "commit time of the newest change forwarded");
    out.append(commit).append(' ').append(number(lastCommitMillis / 1000.0)).append('\n');
    return out.toString();
  }

  /** Without an exponent: a timestamp reads 1795947083.984, not 1.795947083984E9. */
  private static String number(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }
}
