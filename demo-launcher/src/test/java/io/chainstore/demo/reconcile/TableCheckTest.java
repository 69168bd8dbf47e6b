package io.chainstore.demo.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableCheckTest {

  @Test
  void aCheckDerivedFromAnotherReadsThatChecksTruthAtTheSameInstant() {
    String tags = new TableCheck("member_tag", List.of()).postgresSql("Europe/Berlin", 1234);
    String counts =
        new TableCheck("member_tag_count", List.of()).postgresSql("Europe/Berlin", 1234);

    assertThat(counts).doesNotContain("${").contains("Europe/Berlin").contains("1234");
    assertThat(counts).contains(tags.strip());
    assertThat(counts).containsSubsequence("SELECT tag, count(*) AS members", "GROUP BY tag");
  }

  @Test
  void everyCheckHasBothQueries() {
    for (TableCheck check : Reconciler.CHECKS) {
      assertThat(check.postgresSql("UTC", 0)).as(check.table()).isNotBlank().doesNotContain("${");
      assertThat(check.clickhouseSql()).as(check.table()).isNotBlank();
    }
  }

  @Test
  void tablesAreChosenByNameInTheChecksOrderAndAnUnknownOneIsNamed() {
    assertThat(Reconciler.checks(List.of("stock_level", "member_tag")))
        .extracting(TableCheck::table)
        .containsExactly("member_tag", "stock_level");
    assertThatThrownBy(() -> Reconciler.checks(List.of("store_kpi", "store_kpis")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'store_kpis'")
        .hasMessageContaining("store_kpi, sku_sales");
  }
}
