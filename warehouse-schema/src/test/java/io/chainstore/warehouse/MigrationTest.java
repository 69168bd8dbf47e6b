package io.chainstore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MigrationTest {

  @Test
  void parsesVersionAndDescriptionFromFileName() {
    Migration m = Migration.parse("V012__add_things.sql", "SELECT 1;");
    assertThat(m.version()).isEqualTo(12);
    assertThat(m.description()).isEqualTo("add_things");
  }

  @Test
  void rejectsFilesNotNamedAsMigrations() {
    assertThatThrownBy(() -> Migration.parse("add_things.sql", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add_things.sql");
    assertThat(Migration.isMigrationFile("README.md")).isFalse();
  }

  @Test
  void splitsStatementsAtLineEndSemicolonsAndSkipsComments() {
    String script =
        """
        -- a comment; with a semicolon
        CREATE TABLE a
        (
            x String -- trailing; not an end
        ) ENGINE = Memory;

        INSERT INTO a SELECT 'x;y';
        """;
    List<String> statements = Migration.parse("V1__a.sql", script).statements();
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0)).startsWith("CREATE TABLE a").endsWith("ENGINE = Memory");
    assertThat(statements.get(1)).isEqualTo("INSERT INTO a SELECT 'x;y'");
  }

  @Test
  void checksumChangesWithTheScript() {
    assertThat(Migration.parse("V1__a.sql", "SELECT 1;").checksum())
        .isEqualTo(Migration.parse("V1__b.sql", "SELECT 1;").checksum())
        .isNotEqualTo(Migration.parse("V1__a.sql", "SELECT 2;").checksum());
  }

  @Test
  void ordersByVersionAndRefusesTwoOfOneVersion() {
    Migration first = Migration.parse("V1__a.sql", "SELECT 1;");
    Migration second = Migration.parse("V2__b.sql", "SELECT 2;");
    assertThat(Migration.inOrder(List.of(second, first))).containsExactly(first, second);
    assertThatThrownBy(
            () ->
                Migration.inOrder(
                    List.of(first, second, Migration.parse("V2__stale_copy.sql", "SELECT 3;"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("stale_copy");
  }

  @Test
  void shippedMigrationsAreNumberedWithoutGaps() {
    List<Migration> shipped = Migrator.loadFromClasspath(Migrator.CLASSPATH_LOCATION);
    assertThat(shipped).isNotEmpty();
    for (int i = 0; i < shipped.size(); i++) {
      assertThat(shipped.get(i).version()).isEqualTo(i + 1);
    }
  }

  @Test
  void tsvEscapingRoundTrips() {
    for (String raw :
        new String[] {"a\tb\\c\nd", "12.50", "", "\r", "Café\t", "上海 \uD83D\uDED2 ü"}) {
      assertThat(ClickHouseClient.unescape(ClickHouseClient.escape(raw))).isEqualTo(raw);
    }
    assertThat(ClickHouseClient.escape("x\ty")).isEqualTo("x\\ty");
    TsvRows tsv = new TsvRows();
    tsv.add(42L).add(null).add("a\nb").endRow();
    tsv.add(Long.MIN_VALUE).add(-7).add(0L).add(new BigDecimal("-0.50")).endRow();
    assertThat(tsv.rows()).isEqualTo(2);
    assertThat(tsv.toString()).isEqualTo("42\t\\N\ta\\nb\n" + Long.MIN_VALUE + "\t-7\t0\t-0.50\n");
    tsv.clear();
    assertThat(tsv.add("Zürich").endRow().toString()).isEqualTo("Zürich\n");
    assertThat(ClickHouseClient.splitTsv("1\t\\N\tx")).containsExactly("1", null, "x");
  }

  @Test
  void tsvRowsWriteNumbersAndTextAsJavaDoes() {
    Random random = new Random(7);
    TsvRows tsv = new TsvRows();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      long number = random.nextLong() >> random.nextInt(64);
      StringBuilder text = new StringBuilder();
      for (int c = random.nextInt(6); c > 0; c--) {
        text.appendCodePoint(
            random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x3000));
      }
      String value = text.toString().replaceAll("[\\\\\t\n\r]", "x");
      tsv.add(number).add(value).endRow();
      expected.append(number).append('\t').append(value).append('\n');
    }
    assertThat(tsv.toString()).isEqualTo(expected.toString());
  }
}
