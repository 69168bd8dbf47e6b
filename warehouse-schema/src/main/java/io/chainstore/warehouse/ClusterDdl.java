package io.chainstore.warehouse;

import io.chainstore.warehouse.SqlTokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the statements of the migration files for a replicated cluster of one shard, so that one
 * set of files serves a single server and a cluster.
 *
 * <p>A table {@code t} becomes {@code t_local}, a Replicated table on every replica, and {@code t},
 * a Distributed table over it: writers and readers keep using {@code t}. Views are created on every
 * replica and read the Distributed tables. A materialized view is fired by the local table of the
 * replica that received an insert and writes to its target's local table, whence the rows
 * replicate: each row is counted once. Names are qualified with the database, because an {@code ON
 * CLUSTER} statement runs on each replica outside the session that sent it.
 *
 * <p>The rewrite of a statement depends on those before it (whether a name is a table or a view, a
 * table's columns), so feed it every statement of every migration in order, applied or not. A form
 * it cannot rewrite is refused with the reason, rather than run half right.
 */
public final class ClusterDdl {

  public static final String LOCAL_SUFFIX = "_local";

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";

  private final String cluster;
  private final String database;

  /** Tables by name, with the columns of their Distributed table, in order. */
  private final Map<String, List<Column>> tables = new LinkedHashMap<>();

  private final Set<String> views = new HashSet<>();

  /** How often each table name was created so far (drops do not count down). */
  private final Map<String, Integer> creations = new HashMap<>();

  public ClusterDdl(String cluster, String database) {
    if (!cluster.matches(NAME) || !database.matches(NAME)) {
      throw new IllegalArgumentException(
          "cluster and database names must be plain identifiers: " + cluster + ", " + database);
    }
    this.cluster = cluster;
    this.database = database;
  }

  public String cluster() {
    return cluster;
  }

  public String createDatabase() {
    return "CREATE DATABASE IF NOT EXISTS " + database + " ON CLUSTER " + cluster;
  }

  /** The replicated table behind table {@code table}, qualified. */
  public String local(String table) {
    return database + "." + table + LOCAL_SUFFIX;
  }

  /** True once a CREATE TABLE of {@code name} was rewritten (and not dropped since). */
  public boolean isTable(String name) {
    return tables.containsKey(name);
  }

  /**
   * The statements that do on the cluster what {@code statement} does on a single server, in the
   * order to run them.
   *
   * @throws IllegalArgumentException with the reason, for a statement it cannot rewrite
   */
  public List<String> rewrite(String statement) {
    String sql = SqlTokens.withoutComments(statement).strip();
    List<Token> t = SqlTokens.of(sql);
    if (t.size() < 3) {
      throw new IllegalArgumentException("not a statement the migrator rewrites");
    }
    String first = t.get(0).text().toUpperCase(Locale.ROOT);
    return switch (first) {
      case "CREATE" -> create(sql, t);
      case "DROP" -> drop(t);
      case "ALTER" -> alter(sql, t);
      case "RENAME" -> rename(t);
      case "INSERT" -> insert(sql, t);
      case "OPTIMIZE" -> optimize(sql, t);
      default ->
          throw new IllegalArgumentException(
              first
                  + " is not rewritten for a cluster (only CREATE TABLE/VIEW/MATERIALIZED VIEW,"
                  + " ALTER TABLE, DROP TABLE, RENAME TABLE, INSERT and OPTIMIZE are)");
    };
  }

  private List<String> create(String sql, List<Token> t) {
    if (t.get(1).is("TABLE")) {
      return createTable(sql, t);
    }
    if (t.get(1).is("VIEW") || t.get(1).is("MATERIALIZED") && t.get(2).is("VIEW")) {
      return createView(sql, t);
    }
    throw new IllegalArgumentException(
        "CREATE " + t.get(1).text() + " is not rewritten for a cluster");
  }

  /** CREATE TABLE [IF NOT EXISTS] t (columns) ENGINE = XMergeTree[(args)] [clauses]. */
  private List<String> createTable(String sql, List<Token> t) {
    int i = 2;
    boolean ifNotExists = isIfNotExists(t, i);
    i += ifNotExists ? 3 : 0;
    String name = plainName(t, i++);
    if (i >= t.size() || !t.get(i).isSymbol('(')) {
      throw new IllegalArgumentException(
          "CREATE TABLE " + name + " without a column list is not rewritten for a cluster");
    }
    int close = SqlTokens.closing(t, i);
    List<Column> columns = new ArrayList<>();
    for (int[] part : SqlTokens.splitAtCommas(t, i + 1, close)) {
      columns.add(new Column(t.get(part[0]).name(), SqlTokens.text(sql, t, part[0], part[1])));
    }
    i = close + 1;
    if (i + 2 >= t.size() || !t.get(i).is("ENGINE") || !t.get(i + 1).isSymbol('=')) {
      throw new IllegalArgumentException("CREATE TABLE " + name + " without ENGINE = …");
    }
    String engine = t.get(i + 2).text();
    if (!engine.endsWith("MergeTree") || engine.startsWith("Replicated")) {
      throw new IllegalArgumentException(
          "the engine "
              + engine
              + " of "
              + name
              + " is not rewritten for a cluster: a MergeTree-family engine is made Replicated,"
              + " other engines would hold different rows on each replica");
    }
    i += 3;
    String args = "";
    if (i < t.size() && t.get(i).isSymbol('(')) {
      int argsClose = SqlTokens.closing(t, i);
      args = SqlTokens.text(sql, t, i + 1, argsClose);
      i = argsClose + 1;
    }
    for (int j = i; j < t.size(); j++) {
      if (t.get(j).is("AS")) {
        throw new IllegalArgumentException(
            "CREATE TABLE " + name + " … AS SELECT is not rewritten for a cluster");
      }
    }
    String clauses = i < t.size() ? " " + SqlTokens.text(sql, t, i, t.size()) : "";
    // A table made again after a drop gets a path of its own: current releases drop a table of an
    // Atomic database (their default) minutes later, and until then its path is taken.
    int creation = creations.merge(name, 1, Integer::sum);
    String zooKeeperPath =
        "/clickhouse/tables/{shard}/"
            + database
            + "/"
            + name
            + LOCAL_SUFFIX
            + (creation == 1 ? "" : "." + creation);
    String replicated =
        "Replicated"
            + engine
            + "('"
            + zooKeeperPath
            + "', '{replica}'"
            + (args.isEmpty() ? "" : ", " + args)
            + ")";
    String create = "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "");
    List<Column> distributed = columns.stream().filter(Column::isColumn).toList();
    tables.put(name, new ArrayList<>(distributed));
    return List.of(
        create
            + local(name)
            + onCluster()
            + " ("
            + String.join(", ", columns.stream().map(Column::definition).toList())
            + ") ENGINE = "
            + replicated
            + clauses,
        createDistributed(name, ifNotExists));
  }

  private String createDistributed(String name, boolean ifNotExists) {
    List<String> columns = tables.get(name).stream().map(Column::definition).toList();
    return "CREATE TABLE "
        + (ifNotExists ? "IF NOT EXISTS " : "")
        + qualified(name)
        + onCluster()
        + " ("
        + String.join(", ", columns)
        + ") ENGINE = Distributed("
        + cluster
        + ", "
        + database
        + ", "
        + name
        + LOCAL_SUFFIX
        + ")";
  }

  /**
   * CREATE VIEW [IF NOT EXISTS] v AS SELECT …, or CREATE MATERIALIZED VIEW [IF NOT EXISTS] v TO t
   * AS SELECT … FROM source ….
   */
  private List<String> createView(String sql, List<Token> t) {
    boolean materialized = t.get(1).is("MATERIALIZED");
    int i = materialized ? 3 : 2;
    boolean ifNotExists = isIfNotExists(t, i);
    i += ifNotExists ? 3 : 0;
    String name = plainName(t, i++);
    String target = null;
    if (materialized) {
      if (i >= t.size() || !t.get(i).is("TO")) {
        throw new IllegalArgumentException(
            "materialized view "
                + name
                + " without TO is not rewritten for a cluster: let it write TO a table of the"
                + " migrations");
      }
      target = plainName(t, i + 1);
      requireTable(target);
      i += 2;
    }
    if (i >= t.size() || !t.get(i).is("AS")) {
      throw new IllegalArgumentException(
          "view "
              + name
              + ": only … AS SELECT is rewritten for a cluster (no ENGINE, no POPULATE: each"
              + " replica would fill it from its own rows)");
    }
    String select = qualifyNames(sql, t, i + 1, materialized);
    views.add(name);
    return List.of(
        "CREATE "
            + (materialized ? "MATERIALIZED " : "")
            + "VIEW "
            + (ifNotExists ? "IF NOT EXISTS " : "")
            + qualified(name)
            + onCluster()
            + (materialized ? " TO " + local(target) : "")
            + " AS "
            + select);
  }

  /**
   * The text from token {@code from} on, with each table or view of the migrations read after FROM
   * or JOIN qualified; in a materialized view the first table read is the local one (the one whose
   * inserts fire it).
   */
  private String qualifyNames(String sql, List<Token> t, int from, boolean firstTableLocal) {
    StringBuilder out = new StringBuilder();
    int copied = t.get(from).start();
    boolean firstTable = true;
    for (int i = from; i < t.size(); i++) {
      Token token = t.get(i);
      Token before = t.get(i - 1);
      boolean readsTable =
          before.is("FROM") || before.is("JOIN") && !(i >= 2 && t.get(i - 2).is("ARRAY"));
      boolean plain =
          i + 1 >= t.size() || !(t.get(i + 1).isSymbol('.') || t.get(i + 1).isSymbol('('));
      if (!readsTable || !token.isName() || !plain) {
        continue;
      }
      String name = token.name();
      String replacement;
      if (firstTableLocal && firstTable) {
        if (!tables.containsKey(name)) {
          throw new IllegalArgumentException(
              "a materialized view must read a table of the migrations first, not " + name);
        }
        replacement = local(name);
      } else if (tables.containsKey(name) || views.contains(name)) {
        replacement = qualified(name);
      } else {
        continue;
      }
      firstTable = false;
      out.append(sql, copied, token.start()).append(replacement);
      copied = token.end();
    }
    if (firstTableLocal && firstTable) {
      throw new IllegalArgumentException("a materialized view must read a table of the migrations");
    }
    return out.append(sql, copied, sql.length()).toString().strip();
  }

  /** DROP TABLE [IF EXISTS] name: a table's Distributed and local tables, or a view. */
  private List<String> drop(List<Token> t) {
    if (!t.get(1).is("TABLE")) {
      throw new IllegalArgumentException(
          "DROP " + t.get(1).text() + " is not rewritten for a cluster");
    }
    boolean ifExists = t.size() > 4 && t.get(2).is("IF") && t.get(3).is("EXISTS");
    int i = ifExists ? 4 : 2;
    String name = plainName(t, i);
    if (i + 1 != t.size()) {
      throw new IllegalArgumentException("DROP TABLE " + name + " with clauses after the name");
    }
    String drop = "DROP TABLE " + (ifExists ? "IF EXISTS " : "");
    if (views.remove(name)) {
      return List.of(drop + qualified(name) + onCluster());
    }
    if (tables.remove(name) == null && !ifExists) {
      throw new IllegalArgumentException(
          "DROP TABLE " + name + ": no table or view of that name was created by the migrations");
    }
    return List.of(drop + qualified(name) + onCluster(), drop + local(name) + onCluster());
  }

  /**
   * ALTER TABLE t command, …: on the local table on every replica (a Replicated table passes it on
   * itself); after a column change the Distributed table is made again with the new columns, since
   * a Distributed table cannot be altered ON CLUSTER where the shard replicates internally.
   */
  private List<String> alter(String sql, List<Token> t) {
    if (!t.get(1).is("TABLE")) {
      throw new IllegalArgumentException("ALTER " + t.get(1).text() + " is not rewritten");
    }
    String name = plainName(t, 2);
    requireTable(name);
    List<Column> columns = tables.get(name);
    boolean columnsChanged = false;
    // A mutation of the rows (DELETE WHERE …, UPDATE a = …, b = … WHERE …) is the local tables'
    // business alone.
    boolean mutation = t.size() > 3 && (t.get(3).is("DELETE") || t.get(3).is("UPDATE"));
    for (int[] part : mutation ? List.<int[]>of() : SqlTokens.splitAtCommas(t, 3, t.size())) {
      Token verb = t.get(part[0]);
      boolean columnCommand = part[1] - part[0] > 2 && t.get(part[0] + 1).is("COLUMN");
      if (!columnCommand || !(verb.is("ADD") || verb.is("DROP") || verb.is("MODIFY"))) {
        throw new IllegalArgumentException(
            "ALTER TABLE "
                + name
                + " "
                + SqlTokens.text(sql, t, part[0], Math.min(part[0] + 2, part[1]))
                + " is not rewritten for a cluster (ADD/DROP/MODIFY COLUMN, or a DELETE or UPDATE"
                + " alone, are)");
      }
      changeColumns(sql, t, part[0], part[1], columns);
      columnsChanged = true;
    }
    List<String> statements = new ArrayList<>();
    statements.add(
        "ALTER TABLE " + local(name) + onCluster() + " " + SqlTokens.text(sql, t, 3, t.size()));
    if (columnsChanged) {
      statements.add("DROP TABLE IF EXISTS " + qualified(name) + onCluster());
      statements.add(createDistributed(name, false));
    }
    return statements;
  }

  /** Applies ADD/DROP/MODIFY COLUMN at tokens [from, to) to the Distributed table's columns. */
  private static void changeColumns(
      String sql, List<Token> t, int from, int to, List<Column> columns) {
    String verb = t.get(from).text().toUpperCase(Locale.ROOT);
    int i = from + 2;
    boolean conditional =
        verb.equals("ADD") ? isIfNotExists(t, i) : t.get(i).is("IF") && t.get(i + 1).is("EXISTS");
    i += conditional ? (verb.equals("ADD") ? 3 : 2) : 0;
    String column = t.get(i).name();
    int existing = indexOf(columns, column);
    switch (verb) {
      case "DROP" -> {
        if (existing >= 0) {
          columns.remove(existing);
        }
      }
      case "MODIFY" -> {
        // Only a new type matters to the Distributed table, not a new default or comment.
        Token next = i + 1 < to ? t.get(i + 1) : null;
        boolean typeChanged =
            next != null
                && !(next.is("DEFAULT")
                    || next.is("MATERIALIZED")
                    || next.is("ALIAS")
                    || next.is("COMMENT")
                    || next.is("CODEC")
                    || next.is("TTL")
                    || next.is("REMOVE"));
        if (existing >= 0 && typeChanged) {
          columns.set(existing, new Column(column, SqlTokens.text(sql, t, i, to)));
        }
      }
      default -> {
        if (existing >= 0) {
          return; // ADD COLUMN IF NOT EXISTS of a column there already
        }
        int end = to;
        int position = columns.size();
        if (t.get(to - 1).is("FIRST")) {
          end = to - 1;
          position = 0;
        } else if (to - 2 > i && t.get(to - 2).is("AFTER")) {
          end = to - 2;
          int after = indexOf(columns, t.get(to - 1).name());
          position = after < 0 ? columns.size() : after + 1;
        }
        columns.add(position, new Column(column, SqlTokens.text(sql, t, i, end)));
      }
    }
  }

  /** RENAME TABLE a TO b, …: views only (a table's ZooKeeper path would keep the old name). */
  private List<String> rename(List<Token> t) {
    if (!t.get(1).is("TABLE")) {
      throw new IllegalArgumentException("RENAME " + t.get(1).text() + " is not rewritten");
    }
    List<String> pairs = new ArrayList<>();
    for (int[] part : SqlTokens.splitAtCommas(t, 2, t.size())) {
      if (part[1] - part[0] != 3 || !t.get(part[0] + 1).is("TO")) {
        throw new IllegalArgumentException("RENAME TABLE takes pairs of names: a TO b, …");
      }
      String from = plainName(t, part[0]);
      String to = plainName(t, part[0] + 2);
      if (!views.remove(from)) {
        throw new IllegalArgumentException(
            "RENAME TABLE "
                + from
                + ": only views are renamed on a cluster (a replicated table keeps its old name in"
                + " ZooKeeper, where a new table of that name would clash); create the new table"
                + " and INSERT … SELECT");
      }
      views.add(to);
      pairs.add(qualified(from) + " TO " + qualified(to));
    }
    return List.of("RENAME TABLE " + String.join(", ", pairs) + onCluster());
  }

  /**
   * INSERT INTO t …: into the local table of the replica the migrator talks to, which replicates it
   * (an ON CLUSTER insert does not exist; one through the Distributed table might be queued).
   */
  private List<String> insert(String sql, List<Token> t) {
    if (!t.get(1).is("INTO")) {
      throw new IllegalArgumentException("INSERT without INTO is not rewritten");
    }
    int i = t.get(2).is("TABLE") ? 3 : 2;
    String name = plainName(t, i);
    requireTable(name);
    if (i + 1 >= t.size()) {
      throw new IllegalArgumentException("INSERT INTO " + name + " without rows");
    }
    return List.of(
        SqlTokens.text(sql, t, 0, i)
            + " "
            + local(name)
            + " "
            + qualifyNames(sql, t, i + 1, false));
  }

  /**
   * OPTIMIZE TABLE t …: on the local table of one replica; the merge it assigns reaches the others
   * through the replication log (and 18.16 fails OPTIMIZE … ON CLUSTER on Replicated tables).
   */
  private List<String> optimize(String sql, List<Token> t) {
    if (!t.get(1).is("TABLE")) {
      throw new IllegalArgumentException("OPTIMIZE without TABLE is not rewritten");
    }
    String name = plainName(t, 2);
    requireTable(name);
    String rest = t.size() > 3 ? " " + SqlTokens.text(sql, t, 3, t.size()) : "";
    return List.of("OPTIMIZE TABLE " + local(name) + rest);
  }

  private void requireTable(String name) {
    if (!tables.containsKey(name)) {
      throw new IllegalArgumentException(
          name + " is not a table created by the migrations before this statement");
    }
  }

  /** The name at token {@code i}, which must not be qualified with a database. */
  private static String plainName(List<Token> t, int i) {
    if (i >= t.size() || !t.get(i).isName()) {
      throw new IllegalArgumentException("a name was expected at the " + (i + 1) + ". word");
    }
    if (i + 1 < t.size() && t.get(i + 1).isSymbol('.')) {
      throw new IllegalArgumentException(
          "a name qualified with a database ("
              + t.get(i).name()
              + ".…) is not rewritten: migrations run in the migrator's database");
    }
    String name = t.get(i).name();
    if (!name.matches(NAME)) {
      throw new IllegalArgumentException("not a plain identifier: " + name);
    }
    return name;
  }

  private static boolean isIfNotExists(List<Token> t, int i) {
    return i + 2 < t.size()
        && t.get(i).is("IF")
        && t.get(i + 1).is("NOT")
        && t.get(i + 2).is("EXISTS");
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private String qualified(String name) {
    return database + "." + name;
  }

  private String onCluster() {
    return " ON CLUSTER " + cluster;
  }

  /** One entry of a column list as written: a column, or an index or constraint of the table. */
  private record Column(String name, String definition) {
    boolean isColumn() {
      String word = name.toUpperCase(Locale.ROOT);
      return !(word.equals("INDEX") || word.equals("CONSTRAINT") || word.equals("PROJECTION"));
    }
  }
}
