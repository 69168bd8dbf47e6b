package io.chainstore.batch.segment;

import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.WarehouseTables;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import org.springframework.batch.item.data.AbstractPaginatedDataItemReader;

/**
 * Reads the members whose profile matches the segment's condition from ClickHouse, a page at a time
 * in member order; the order makes a restart resume where the last run committed.
 */
class ProfileSegmentReader extends AbstractPaginatedDataItemReader<SegmentMember> {

  private final ClickHouseClient clickhouse;
  private final BigDecimal minSpend;

  ProfileSegmentReader(ClickHouseClient clickhouse, BigDecimal minSpend, int pageSize) {
    this.clickhouse = clickhouse;
    this.minSpend = minSpend;
    setName("profile-segment-reader");
    setPageSize(pageSize);
  }

  @Override
  protected Iterator<SegmentMember> doPageRead() {
    String sql =
        "SELECT member_id, total_spend, order_count, last_order_date FROM "
            + WarehouseTables.MEMBER_PROFILE
            + " FINAL WHERE total_spend >= toDecimal64('"
            + minSpend.toPlainString()
            + "', 2) ORDER BY member_id LIMIT "
            + pageSize
            + " OFFSET "
            + (long) page * pageSize;
    List<SegmentMember> rows =
        clickhouse.query(sql).stream()
            .map(
                r ->
                    new SegmentMember(
                        Long.parseLong(r.get("member_id")),
                        null,
                        new BigDecimal(r.get("total_spend")),
                        Long.parseLong(r.get("order_count")),
                        r.get("last_order_date")))
            .toList();
    return rows.iterator();
  }
}
