package io.chainstore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
  void shippedMigrationsAreNumberedWithoutGaps() {
    List<Migration> shipped = Migrator.loadFromClasspath(Migrator.CLASSPATH_LOCATION);
    assertThat(shipped).isNotEmpty();
    for (int i = 0; i < shipped.size(); i++) {
      assertThat(shipped.get(i).version()).isEqualTo(i + 1);
    }
  }

  @Test
  void tsvEscapingRoundTrips() {
    for (String raw : new String[] {"a\tb\\c\nd", "12.50", "", "\r", "Café\t"}) {
      assertThat(ClickHouseClient.unescape(ClickHouseClient.escape(raw))).isEqualTo(raw);
    }
    assertThat(ClickHouseClient.escape("x\ty")).isEqualTo("x\\ty");
    StringBuilder tsv = new StringBuilder();
    ClickHouseClient.appendValue(tsv, 42L);
    ClickHouseClient.appendValue(tsv, null);
    ClickHouseClient.appendValue(tsv, "a\nb");
    assertThat(tsv.toString()).isEqualTo("42\\Na\\nb");
    assertThat(ClickHouseClient.splitTsv("1\t\\N\tx")).containsExactly("1", null, "x");
  }

  @Test
  void freePortsAreDistinct() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(LocalClickHouse.freePorts(3)).doesNotHaveDuplicates().hasSize(3);
    }
  }
}
