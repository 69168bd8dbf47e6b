package io.chainstore.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One numbered DDL file, {@code V<version>__<description>.sql}. */
public record Migration(int version, String description, String script, String fileName) {

  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  public static Migration parse(String fileName, String script) {
    Matcher m = FILE_NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "migration file " + fileName + " is not named V<number>__<description>.sql");
    }
    return new Migration(Integer.parseInt(m.group(1)), m.group(2), script, fileName);
  }

  /**
   * The migrations by version. Two of one version are refused: only one could be recorded as
   * applied, and which ran last would depend on the order files are listed in (a stale build output
   * or two branches merged both lead there).
   */
  public static List<Migration> inOrder(Collection<Migration> migrations) {
    Map<Integer, Migration> byVersion = new HashMap<>();
    for (Migration migration : migrations) {
      Migration other = byVersion.putIfAbsent(migration.version(), migration);
      if (other != null) {
        throw new IllegalArgumentException(
            "two migrations of version "
                + migration.version()
                + ": "
                + other.description()
                + " and "
                + migration.description());
      }
    }
    List<Migration> ordered = new ArrayList<>(migrations);
    ordered.sort(Comparator.comparingInt(Migration::version));
    return ordered;
  }

  public static boolean isMigrationFile(String fileName) {
    return FILE_NAME.matcher(fileName).matches();
  }

  /**
   * The statements of the script, one by one: ClickHouse's HTTP interface takes a single statement
   * per request. A statement ends with a semicolon at the end of a line; lines starting with {@code
   * --} are comments.
   */
  public List<String> statements() {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(line).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  public String checksum() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
