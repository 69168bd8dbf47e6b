package io.chainstore.streaming.sink;

import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import io.chainstore.warehouse.ClickHouseException;
import io.chainstore.warehouse.TsvRows;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows to ClickHouse in batches: every {@code flushMillis}, and before each checkpoint
 * completes (at-least-once). Within a batch only the newest row of each key is sent. Writing a row
 * twice is harmless: the tables are ReplacingMergeTree(version), and replays rewrite the same
 * versions. A failed write is tried again after a {@link Backoff} until it succeeds: while
 * ClickHouse is away the job waits (and its checkpoints with it) rather than failing.
 */
public class ClickHouseSink<T> implements Sink<T> {

  private final ClickHouseSettings settings;
  private final RowFormat<T> format;
  private final long flushMillis;
  private final Backoff backoff;

  public ClickHouseSink(
      ClickHouseSettings settings, RowFormat<T> format, long flushMillis, Backoff backoff) {
    this.settings = settings;
    this.format = format;
    this.flushMillis = flushMillis;
    this.backoff = backoff;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new Writer<>(
        new ClickHouseClient(settings),
        format,
        context.getProcessingTimeService(),
        flushMillis,
        backoff,
        context.metricGroup().counter("rowsWritten"),
        context.metricGroup().counter("batchesWritten"),
        context.metricGroup().counter("writeRetries"),
        context.metricGroup());
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSink.class);
    private final ClickHouseClient client;
    private final RowFormat<T> format;
    private final ProcessingTimeService time;
    private final long flushMillis;
    private final Backoff backoff;
    private final Counter rows;
    private final Counter batches;
    private final Counter retries;
    private final Map<String, Map<String, T>> pending = new LinkedHashMap<>();
    private final TsvRows body = new TsvRows();

    /** When the oldest unwritten row arrived (wall clock, ms); 0 when every row is written. */
    private volatile long oldestUnwrittenAt;

    Writer(
        ClickHouseClient client,
        RowFormat<T> format,
        ProcessingTimeService time,
        long flushMillis,
        Backoff backoff,
        Counter rows,
        Counter batches,
        Counter retries,
        MetricGroup metrics) {
      this.client = client;
      this.format = format;
      this.time = time;
      this.flushMillis = flushMillis;
      this.backoff = backoff;
      this.rows = rows;
      this.batches = batches;
      this.retries = retries;
      // How long the oldest row not yet in ClickHouse has waited in the sink: a flush interval
      // at most while ClickHouse answers, growing while it does not.
      metrics.<Long, Gauge<Long>>gauge(
          "unwrittenAgeMs",
          () -> {
            long since = oldestUnwrittenAt;
            return since == 0 ? 0L : Math.max(0L, System.currentTimeMillis() - since);
          });
      scheduleFlush();
    }

    @Override
    public void write(T row, Context context) {
      if (oldestUnwrittenAt == 0) {
        oldestUnwrittenAt = System.currentTimeMillis();
      }
      pending
          .computeIfAbsent(format.table(row), t -> new LinkedHashMap<>())
          .put(format.id(row), row);
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
      String writtenAt = TextValues.dateTime(Instant.now());
      for (Map.Entry<String, Map<String, T>> table : pending.entrySet()) {
        if (table.getValue().isEmpty()) {
          continue;
        }
        body.clear();
        for (T row : table.getValue().values()) {
          for (Object value : format.values(row, writtenAt)) {
            body.add(value);
          }
          body.endRow();
        }
        insert(table.getKey(), format.columns(table.getKey()));
        rows.inc(body.rows());
        batches.inc();
      }
      // Emptied, not dropped: a map keeps its capacity, and the next batch is as large.
      pending.values().forEach(Map::clear);
      oldestUnwrittenAt = 0;
    }

    private void insert(String table, List<String> columns) throws InterruptedException {
      for (int retry = 1; ; retry++) {
        try {
          client.insert(table, columns, body);
          if (retry > 1) {
            LOG.info("insert into {} succeeded after {} retries", table, retry - 1);
          }
          return;
        } catch (ClickHouseException e) {
          long delay = backoff.delayMillis(retry);
          retries.inc();
          LOG.warn(
              "insert into {} failed, retry {} in {} ms: {}", table, retry, delay, e.getMessage());
          Thread.sleep(delay); // throws at once when the task is being cancelled
        }
      }
    }

    private void scheduleFlush() {
      time.registerTimer(
          time.getCurrentProcessingTime() + flushMillis,
          timestamp -> {
            flush(false);
            scheduleFlush();
          });
    }

    @Override
    public void close() {
      // Rows not yet flushed are written again after a restore, from the last checkpoint.
    }
  }
}
