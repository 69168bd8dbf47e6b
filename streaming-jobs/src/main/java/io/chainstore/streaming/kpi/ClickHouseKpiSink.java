package io.chainstore.streaming.kpi;

import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import io.chainstore.warehouse.WarehouseTables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes KPI rows to ClickHouse in batches: every {@code flushMillis}, and before each checkpoint
 * completes (at-least-once). Writing a row twice is harmless: the table keeps the highest version
 * per bucket. Within a batch only the newest version of each bucket is sent.
 */
public class ClickHouseKpiSink implements Sink<KpiRow> {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final ClickHouseSettings settings;
  private final long flushMillis;

  public ClickHouseKpiSink(ClickHouseSettings settings, long flushMillis) {
    this.settings = settings;
    this.flushMillis = flushMillis;
  }

  @Override
  public SinkWriter<KpiRow> createWriter(WriterInitContext context) {
    return new Writer(
        new ClickHouseClient(settings), context.getProcessingTimeService(), flushMillis);
  }

  static List<Object> toColumns(KpiRow row, Instant now) {
    return List.of(
        row.key().grain(),
        row.key().storeId(),
        row.key().channel(),
        DATE_TIME.format(Instant.ofEpochSecond(row.key().bucketStartEpochSecond())),
        row.netSales().setScale(2).toPlainString(),
        row.paidOrders(),
        row.units(),
        row.version(),
        DATE_TIME.format(now));
  }

  private static final class Writer implements SinkWriter<KpiRow> {
    private final ClickHouseClient client;
    private final ProcessingTimeService time;
    private final long flushMillis;
    private final Map<String, KpiRow> pending = new LinkedHashMap<>();

    Writer(ClickHouseClient client, ProcessingTimeService time, long flushMillis) {
      this.client = client;
      this.time = time;
      this.flushMillis = flushMillis;
      scheduleFlush();
    }

    @Override
    public void write(KpiRow row, Context context) {
      pending.merge(row.key().id(), row, (a, b) -> a.version() >= b.version() ? a : b);
    }

    @Override
    public void flush(boolean endOfInput) {
      if (pending.isEmpty()) {
        return;
      }
      Instant now = Instant.now();
      List<List<Object>> rows = new ArrayList<>(pending.size());
      for (KpiRow row : pending.values()) {
        rows.add(toColumns(row, now));
      }
      client.insert(WarehouseTables.STORE_KPI, WarehouseTables.STORE_KPI_COLUMNS, rows);
      pending.clear();
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
