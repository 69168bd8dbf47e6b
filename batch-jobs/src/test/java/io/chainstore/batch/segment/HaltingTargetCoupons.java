package io.chainstore.batch.segment;

import io.chainstore.batch.segment.TargetCouponsConfiguration.ServiceAccess;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.item.ItemWriter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * target-coupons in a process of its own that dies like kill -9 right after the service answered
 * the {@code halt.after}-th chunk, before the job could commit it — the moment a restart must not
 * issue twice. Arguments: {@code <postgres-url> <postgres-user> <clickhouse-url>
 * <clickhouse-database> <service-url> <api-key> <segment> <template-id> <batch> <chunk-size>}.
 */
public final class HaltingTargetCoupons {

  private HaltingTargetCoupons() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    postgres.setUser(args[1]);
    TargetCouponsMain.run(
        postgres,
        HaltingExport.clickhouse(args[2], args[3]),
        new ServiceAccess(args[4], args[5]),
        Segment.parse(args[6]),
        Long.parseLong(args[7]),
        args[8],
        null,
        Integer.parseInt(args[9]),
        false,
        HaltAfterIssuing.class);
    System.exit(3); // not reached when the halt comes
  }

  @Configuration
  static class HaltAfterIssuing {
    @Bean
    static BeanPostProcessor haltAfterIssuing() {
      int haltAfter = Integer.getInteger("halt.after");
      AtomicInteger chunks = new AtomicInteger();
      return new BeanPostProcessor() {
        @Override
        @SuppressWarnings("unchecked")
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof CouponIssuer issuer)) {
            return bean;
          }
          return (ItemWriter<Long>)
              members -> {
                issuer.write(members);
                if (chunks.incrementAndGet() == haltAfter) {
                  Runtime.getRuntime().halt(137);
                }
              };
        }
      };
    }
  }
}
