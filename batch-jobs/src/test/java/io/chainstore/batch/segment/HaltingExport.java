package io.chainstore.batch.segment;

import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * export-segment in a process of its own that dies like kill -9 (no shutdown hooks, nothing
 * flushed) while masking the {@code halt.at}-th member: {@code <postgres-url> <clickhouse-url>
 * <clickhouse-database> <segment> <output>}.
 */
public final class HaltingExport {

  private HaltingExport() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    ExportSegmentMain.run(
        postgres,
        clickhouse(args[1], args[2]),
        Segment.parse(args[3]),
        Path.of(args[4]),
        false,
        HaltMidChunk.class);
    System.exit(3); // not reached when the halt comes
  }

  @Configuration
  static class HaltMidChunk {
    @Bean
    static BeanPostProcessor haltWhileMasking() {
      int haltAt = Integer.getInteger("halt.at");
      return new BeanPostProcessor() {
        @Override
        @SuppressWarnings("unchecked")
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!name.equals("maskPersonalData")) {
            return bean;
          }
          ItemProcessor<SegmentMember, SegmentMember> masking =
              (ItemProcessor<SegmentMember, SegmentMember>) bean;
          AtomicInteger seen = new AtomicInteger();
          return (ItemProcessor<SegmentMember, SegmentMember>)
              member -> {
                if (seen.incrementAndGet() == haltAt) {
                  Runtime.getRuntime().halt(137);
                }
                return masking.process(member);
              };
        }
      };
    }
  }

  /** The settings of the ClickHouse at {@code url}, database {@code database}, defaults else. */
  static ClickHouseSettings clickhouse(String url, String database) {
    return ClickHouseSettings.fromOptions(
        name ->
            switch (name) {
              case "clickhouse-url" -> url;
              case "clickhouse-database" -> database;
              default -> null;
            });
  }
}
